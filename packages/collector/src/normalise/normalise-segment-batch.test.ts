import { describe, expect, it } from 'vitest'
import { normaliseSegmentBatch } from './normalise-segment-batch.js'
import type { RequestFacts } from './request-facts.js'

const facts: RequestFacts = {
  source: 'wk_site',
  trusted: false,
  receivedAt: new Date('2026-05-01T12:00:00.000Z'),
  ip: null,
  userAgent: null,
}
const noBatch = { context: {}, sentAt: undefined }
const withText = (text: string) => ({ type: 'track', event: 'Typed', anonymousId: 'a', properties: { text } })

describe('normaliseSegmentBatch', () => {
  it('applies the 32 KB limit to the event as stored, counted in UTF-8 bytes', () => {
    // "é" is 2 bytes in UTF-8: 16,000 of them fit in 32,768 bytes, 16,500 do not.
    const { events, rejected } = normaliseSegmentBatch(
      [withText('é'.repeat(16_000)), withText('é'.repeat(16_500))],
      noBatch,
      facts,
      {},
    )
    expect(events.map((event) => (event.properties.text as string).length)).toEqual([16_000])
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.index).toBe(1)
    expect(rejected[0]!.errors[0]).toMatch(/^the event is 330\d\d bytes; the limit is 32768 bytes/)
  })

  it('counts the batch context each event stores, not only what the event sent', () => {
    const batch = { context: { campaign: { note: 'x'.repeat(20_000) } }, sentAt: undefined }
    const { events, rejected } = normaliseSegmentBatch(
      [withText('small'), withText('y'.repeat(15_000))],
      batch,
      facts,
      {},
    )
    expect(events).toHaveLength(1)
    expect(rejected.map((r) => r.index)).toEqual([1])
  })

  it('hands stores the JSON text of exactly what they keep', () => {
    const { events } = normaliseSegmentBatch(
      [{ ...withText('hi'), context: { locale: 'fr-FR' }, integrations: { All: false } }],
      noBatch,
      facts,
      {},
    )
    const [event] = events
    expect(JSON.parse(event!.propertiesJson)).toEqual(event!.properties)
    expect(JSON.parse(event!.contextJson)).toEqual(event!.context)
    expect(event!.contextJson).toContain('fr-FR')
    expect(event!.contextJson).not.toContain('integrations')
  })
})
