import { expect, it } from 'vitest'
import type { NormalisedEvent } from '../store.js'
import { packEvents, unpackEvents } from './writer-thread-messages.js'

/** Every field a different value, so a field read from its neighbour's place shows. */
const event = (n: number): NormalisedEvent => ({
  source: `wk_${n}`,
  messageId: `m-${n}`,
  type: 'identify',
  name: 'identify',
  anonymousId: `anon-${n}`,
  userId: `user-${n}`,
  email: `${n}@example.com`,
  previousId: null,
  properties: { plan: 'pro' },
  propertiesJson: '{"plan":"pro"}',
  traits: { plan: 'pro', seats: n },
  context: { ip: '203.0.113.9' },
  contextJson: '{"ip":"203.0.113.9"}',
  timestamp: '2026-11-23T10:00:00.000Z',
  originalTimestamp: '2026-11-23T09:59:00.000Z',
  sentAt: '2026-11-23T10:00:01.000Z',
  receivedAt: '2026-11-23T10:00:02.000Z',
  identity: 'unverified',
})

it('gives the writer thread every stored field of every event, in order, and not the parsed properties and context', () => {
  const events = [event(1), { ...event(2), anonymousId: null, userId: null, email: null, previousId: 'old-2', type: 'alias' as const, sentAt: null }]
  // structuredClone is the copy postMessage makes.
  const received = unpackEvents(structuredClone(packEvents(events)))
  expect(received).toEqual(events.map(({ properties, context, ...stored }) => stored))
})

it('packs an empty request into no events', () => {
  expect(unpackEvents(structuredClone(packEvents([])))).toEqual([])
})
