import { describe, expect, it } from 'vitest'
import type { NormalisedEvent } from '../events/normalised-event.js'
import { storedEventData, storedEventJson } from './stored-event-data.js'

function eventWith(properties: NormalisedEvent['properties'], context: NormalisedEvent['context']): NormalisedEvent {
  return {
    source: 'wk_test',
    messageId: 'm-1',
    type: 'track',
    name: 'Signed "up"',
    anonymousId: 'a-1',
    userId: null,
    email: null,
    previousId: null,
    properties,
    propertiesJson: JSON.stringify(properties),
    traits: {},
    context,
    contextJson: JSON.stringify(context),
    timestamp: '2026-12-04T04:00:00.000Z',
    originalTimestamp: '2026-12-04T04:00:00.000Z',
    sentAt: null,
    receivedAt: '2026-12-04T04:00:01.000Z',
    identity: 'anonymous',
  }
}

describe('storedEventJson', () => {
  it('is the JSON text of storedEventData, keys in the same order', () => {
    const event = eventWith(
      { plan: 'pro', nested: { list: [1, 'two', null] }, odd: 'a\u0000b\n"c"' },
      { page: { url: 'https://x.test/?q=1' } },
    )
    expect(storedEventJson(event, 'c-1')).toBe(JSON.stringify(storedEventData(event, 'c-1')))
  })

  it('keeps empty properties and context', () => {
    const event = eventWith({}, {})
    expect(JSON.parse(storedEventJson(event, 'c-2'))).toEqual(storedEventData(event, 'c-2'))
  })
})
