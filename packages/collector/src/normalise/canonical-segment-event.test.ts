import { describe, expect, it } from 'vitest'
import { canonicalSegmentEvent } from './canonical-segment-event.js'

describe('canonicalSegmentEvent', () => {
  it('drops top-level null fields (analytics.js 2.0 sends "userId": null for anonymous visitors)', () => {
    const raw = { type: 'track', event: 'Clicked', anonymousId: 'a1', userId: null, timestamp: null }
    expect(canonicalSegmentEvent(raw)).toEqual({ type: 'track', event: 'Clicked', anonymousId: 'a1' })
    expect(raw.userId, 'the input is left as sent').toBeNull()
  })

  it('keeps nulls inside properties: they are data', () => {
    const raw = { type: 'track', event: 'Clicked', anonymousId: 'a1', properties: { coupon: null } }
    expect(canonicalSegmentEvent(raw)).toBe(raw)
  })

  it("reads an identify's traits from context.traits (RudderStack), top-level traits winning per key", () => {
    const rudder = { type: 'identify', userId: 'u1', context: { traits: { email: 'a@b.c', plan: 'pro' } } }
    expect(canonicalSegmentEvent(rudder).traits).toEqual({ email: 'a@b.c', plan: 'pro' })
    const both = { ...rudder, traits: { plan: 'team' } }
    expect(canonicalSegmentEvent(both).traits).toEqual({ email: 'a@b.c', plan: 'team' })
  })

  it('leaves context.traits of other calls, and traits that are not an object, as sent', () => {
    const track = { type: 'track', event: 'Clicked', userId: 'u1', context: { traits: { plan: 'pro' } } }
    expect(canonicalSegmentEvent(track)).toBe(track)
    const wrong = { type: 'identify', userId: 'u1', traits: 'pro', context: { traits: { plan: 'pro' } } }
    expect(canonicalSegmentEvent(wrong).traits).toBe('pro')
  })
})
