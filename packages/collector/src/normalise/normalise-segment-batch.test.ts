import { describe, expect, it } from 'vitest'
import { normaliseSegmentBatch } from './normalise-segment-batch.js'
import type { RequestFacts } from './request-facts.js'

const facts: RequestFacts = { source: 'wk_site', trusted: false, receivedAt: new Date('2026-05-01T12:00:00.000Z'), ip: null, userAgent: null }
const noBatch = { context: {}, sentAt: undefined }
const withText = (text: string) => ({ type: 'track', event: 'Typed', anonymousId: 'a', properties: { text } })

describe('normaliseSegmentBatch', () => {
  it('applies the 32 KB limit to the event as stored, after lone surrogates became U+FFFD', () => {
    // 6,000 lone surrogates: 36,000 bytes as \udXXX escapes, 18,000 as U+FFFD.
    const { events, rejected } = normaliseSegmentBatch([withText('\ud800'.repeat(6000)), withText('\ud800'.repeat(12_000))], noBatch, facts, {})
    expect(events.map((event) => event.properties.text)).toEqual(['\ufffd'.repeat(6000)])
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.index).toBe(1)
    expect(rejected[0]!.errors[0]).toMatch(/^the event is 360\d\d bytes; the limit is 32768 bytes/)
  })
})
