import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_ID_LENGTH } from '@sillage/protocol'
import { deriveMessageId } from './derive-message-id.js'

const event = { type: 'track', event: 'x', userId: 'u', timestamp: '2026-01-01T00:00:00.000Z' }

describe('deriveMessageId', () => {
  it('gives a retry of the same call the same id, whatever its sentAt', () => {
    const first = deriveMessageId('api', { ...event, sentAt: '2026-01-01T00:00:01Z' }, true)
    expect(deriveMessageId('api', { ...event, sentAt: '2026-01-01T00:05:00Z' }, true)).toBe(first)
    expect(first.length).toBeLessThanOrEqual(MAX_MESSAGE_ID_LENGTH)
  })

  it('tells different events and sources apart', () => {
    const id = deriveMessageId('api', event, true)
    expect(deriveMessageId('api', { ...event, timestamp: '2026-01-01T00:00:00.001Z' }, true)).not.toBe(id)
    expect(deriveMessageId('brevo', event, true)).not.toBe(id)
  })

  it('is random without a timestamp: a retry cannot be told from a new event', () => {
    const { timestamp: _, ...untimed } = event
    expect(deriveMessageId('api', untimed, false)).not.toBe(deriveMessageId('api', untimed, false))
  })
})
