import { describe, expect, it } from 'vitest'
import {
  batchEnvelopeSchema,
  brevoEventSchema,
  formatIssues,
  isBlockedIdentifier,
  segmentEventSchema,
} from './index.js'

describe('segmentEventSchema', () => {
  it('accepts a minimal track call and turns numeric ids into strings', () => {
    const result = segmentEventSchema.parse({ type: 'track', event: 'cart_updated', userId: 42 })
    expect(result).toMatchObject({ type: 'track', event: 'cart_updated', userId: '42' })
  })

  it('names the missing field and what to send instead', () => {
    const result = segmentEventSchema.safeParse({ type: 'track', anonymousId: 'a1' })
    expect(result.success).toBe(false)
    expect(formatIssues(result.error!.issues)).toEqual([
      'event: is required for a track call: the name of what the user did',
    ])
  })

  it('refuses an event without any identity', () => {
    const result = segmentEventSchema.safeParse({ type: 'page' })
    expect(formatIssues(result.error!.issues)).toEqual(['anonymousId: needs an anonymousId or a userId'])
  })

  it('refuses an unknown type with the list of known ones', () => {
    const result = segmentEventSchema.safeParse({ type: 'click', anonymousId: 'a' })
    expect(formatIssues(result.error!.issues)[0]).toContain('track, page, identify, alias, group, screen')
  })

  it('limits event names and messageIds', () => {
    expect(segmentEventSchema.safeParse({ type: 'track', event: 'x'.repeat(256), anonymousId: 'a' }).success).toBe(
      false,
    )
    expect(
      segmentEventSchema.safeParse({ type: 'track', event: 'x', messageId: 'm'.repeat(101), anonymousId: 'a' }).success,
    ).toBe(false)
    expect(
      segmentEventSchema.safeParse({
        type: 'track',
        event: 'x'.repeat(255),
        messageId: 'm'.repeat(100),
        anonymousId: 'a',
      }).success,
    ).toBe(true)
  })

  it('refuses NUL characters in names and ids, which no store can keep', () => {
    const result = segmentEventSchema.safeParse({ type: 'track', event: 'a\u0000b', anonymousId: 'x\u0000' })
    expect(formatIssues(result.error!.issues)).toEqual([
      'anonymousId: must not contain NUL (\\u0000) characters',
      'event: must not contain NUL (\\u0000) characters',
    ])
  })

  it('requires previousId and userId for alias', () => {
    expect(segmentEventSchema.safeParse({ type: 'alias', userId: 'u' }).success).toBe(false)
    expect(segmentEventSchema.safeParse({ type: 'alias', userId: 'u', previousId: 'anon' }).success).toBe(true)
  })
})

describe('batchEnvelopeSchema', () => {
  it('caps a batch at 2,500 events', () => {
    expect(batchEnvelopeSchema.safeParse({ batch: new Array(2500).fill({}) }).success).toBe(true)
    expect(batchEnvelopeSchema.safeParse({ batch: new Array(2501).fill({}) }).success).toBe(false)
  })
})

describe('brevoEventSchema', () => {
  it('accepts the documented shape', () => {
    const event = {
      event_name: 'order_completed',
      identifiers: { email_id: 'a@example.com' },
      event_properties: { total: 3 },
    }
    expect(brevoEventSchema.parse(event).event_name).toBe('order_completed')
  })

  it('refuses names outside A-Za-z0-9_- and events without identifiers', () => {
    expect(brevoEventSchema.safeParse({ event_name: 'order completed', identifiers: { ext_id: '1' } }).success).toBe(
      false,
    )
    expect(brevoEventSchema.safeParse({ event_name: 'ok', identifiers: {} }).success).toBe(false)
  })
})

describe('isBlockedIdentifier', () => {
  it.each([
    '',
    ' ',
    'anonymous',
    'NULL',
    'undefined',
    'None',
    'NaN',
    'guest',
    'true',
    'false',
    '0',
    '-1',
    '[object Object]',
    '000',
    ' 00000 ',
  ])('blocks %j', (value) => expect(isBlockedIdentifier(value)).toBe(true))
  it.each(['u_1', '10', 'anonymous-42', 'a@b.co'])('allows %j', (value) =>
    expect(isBlockedIdentifier(value)).toBe(false),
  )
})

describe('free-form objects and attribute names', () => {
  it('keeps properties exactly as sent, a "__proto__" key included, without touching any prototype', () => {
    const event = JSON.parse(
      '{"type":"track","event":"x","anonymousId":"a","properties":{"__proto__":{"polluted":true},"constructor":1}}',
    )
    const parsed = segmentEventSchema.parse(event)
    expect(parsed.type === 'track' && Object.keys(parsed.properties!)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses trait and contact_properties names that no store can index: over 255 characters or with NUL', () => {
    const identify = segmentEventSchema.safeParse({
      type: 'identify',
      anonymousId: 'a',
      traits: { ['n'.repeat(256)]: 1, 'a\u0000b': 2, ['k'.repeat(255)]: 3 },
    })
    expect(formatIssues(identify.error!.issues)).toEqual([
      `traits.${'n'.repeat(40)}: attribute name is 256 characters long, the limit is 255; use short plain-text names`,
      'traits.a\u0000b: attribute name must not contain NUL (\\u0000) characters; use short plain-text names',
    ])
    const brevo = brevoEventSchema.safeParse({
      event_name: 'x',
      identifiers: { email_id: 'a@b.co' },
      contact_properties: { ['L'.repeat(300)]: 1 },
    })
    expect(brevo.success).toBe(false)
    expect(
      segmentEventSchema.safeParse({
        type: 'track',
        event: 'x',
        anonymousId: 'a',
        properties: { ['p'.repeat(5000)]: 1 },
      }).success,
    ).toBe(true)
  })
})
