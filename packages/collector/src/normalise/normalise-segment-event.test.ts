import { describe, expect, it } from 'vitest'
import { computeUserHash } from '../identity/user-hash.js'
import { normaliseSegmentEvent } from './normalise-segment-event.js'
import type { RequestFacts } from './request-facts.js'

const receivedAt = new Date('2026-05-01T12:00:00.000Z')
const facts: RequestFacts = { source: 'wk_site', trusted: false, receivedAt, ip: '203.0.113.7', userAgent: 'UA/1' }
const noBatch = { context: {}, sentAt: undefined }
const normalise = (raw: Record<string, unknown>, options = {}, requestFacts = facts) => {
  const result = normaliseSegmentEvent(raw, noBatch, requestFacts, options)
  if (!result.ok) throw new Error(result.errors.join('; '))
  return result.event
}

describe('normaliseSegmentEvent', () => {
  it('turns a page call into page_visited with the page fields from properties or context.page', () => {
    const event = normalise({
      type: 'page',
      name: 'Pricing',
      anonymousId: 'a',
      properties: { title: 'Plans', plan: 'pro' },
      context: {
        page: {
          url: 'https://x.example/pricing?ref=ad',
          path: '/pricing',
          title: 'ignored',
          referrer: '',
          search: '?ref=ad',
        },
      },
    })
    expect(event.name).toBe('page_visited')
    expect(event.properties).toEqual({
      plan: 'pro',
      url: 'https://x.example/pricing?ref=ad',
      path: '/pricing',
      title: 'Plans',
      referrer: '',
      search: '?ref=ad',
      name: 'Pricing',
    })
  })

  it('keeps eCommerce event names and takes the email from context.traits, lower-cased', () => {
    const event = normalise({
      type: 'track',
      event: 'cart_updated',
      anonymousId: 'a',
      context: { traits: { email: ' Ada@Example.COM ' } },
    })
    expect(event).toMatchObject({ name: 'cart_updated', email: 'ada@example.com', identity: 'identified' })
  })

  it('drops placeholder identifiers and keeps the usable ones', () => {
    const event = normalise({
      type: 'track',
      event: 'x',
      anonymousId: 'a-1',
      userId: 'null',
      context: { traits: { email: 'undefined' } },
    })
    expect(event).toMatchObject({ anonymousId: 'a-1', userId: null, email: null, identity: 'anonymous' })
  })

  it('adds the request address and user agent unless a server library passed the end user’s', () => {
    const full = { ipStorage: 'full' as const }
    expect(normalise({ type: 'track', event: 'x', anonymousId: 'a' }, full).context).toMatchObject({
      ip: '203.0.113.7',
      userAgent: 'UA/1',
    })
    const forwarded = normalise(
      { type: 'track', event: 'x', anonymousId: 'a', context: { ip: '198.51.100.1', userAgent: 'Phone' } },
      full,
    )
    expect(forwarded.context).toMatchObject({ ip: '198.51.100.1', userAgent: 'Phone' })
  })

  it('stores the address truncated unless told otherwise, also one a server library passed', () => {
    expect(normalise({ type: 'track', event: 'x', anonymousId: 'a' }).context.ip).toBe('203.0.113.0')
    expect(normalise({ type: 'track', event: 'x', anonymousId: 'a', context: { ip: '198.51.100.1' } }).context.ip).toBe(
      '198.51.100.0',
    )
    expect(normalise({ type: 'track', event: 'x', anonymousId: 'a' }, { ipStorage: 'none' }).context.ip).toBeNull()
  })

  it('uses receivedAt (or sentAt) when the device sent no timestamp', () => {
    expect(normalise({ type: 'track', event: 'x', anonymousId: 'a' }).timestamp).toBe(receivedAt.toISOString())
  })

  it('keeps an alias previousId and refuses a placeholder one', () => {
    expect(normalise({ type: 'alias', previousId: 'anon-1', userId: 'u-1' })).toMatchObject({
      name: 'alias',
      previousId: 'anon-1',
    })
    const result = normaliseSegmentEvent({ type: 'alias', previousId: 'guest', userId: 'u-1' }, noBatch, facts, {})
    expect(result.ok).toBe(false)
  })

  describe('with identity verification', () => {
    const identitySecret = 'identity-secret-0123456789'

    it('counts a userId claim with a valid user hash, and does not store the hash', () => {
      const event = normalise(
        {
          type: 'identify',
          userId: 'u-1',
          anonymousId: 'a',
          context: { userHash: computeUserHash(identitySecret, 'u-1') },
        },
        { identitySecret },
      )
      expect(event.identity).toBe('identified')
      expect(event.context).not.toHaveProperty('userHash')
    })

    it('hashes the email when there is no userId', () => {
      const userHash = computeUserHash(identitySecret, 'ada@example.com')
      const event = normalise(
        { type: 'identify', anonymousId: 'a', traits: { email: 'ada@example.com' }, context: { userHash } },
        { identitySecret },
      )
      expect(event.identity).toBe('identified')
    })

    it('marks a claim without a valid hash unverified, filed under the anonymousId', () => {
      const event = normalise(
        { type: 'identify', userId: 'u-1', anonymousId: 'a', context: { userHash: 'f'.repeat(64) } },
        { identitySecret },
      )
      expect(event).toMatchObject({ identity: 'unverified', anonymousId: 'a' })
    })

    it('refuses an unverified claim with no anonymousId to fall back on', () => {
      const result = normaliseSegmentEvent({ type: 'track', event: 'x', userId: 'u-1' }, noBatch, facts, {
        identitySecret,
      })
      expect(result).toEqual({
        ok: false,
        errors: [expect.stringMatching(/^context.userHash: missing or wrong for userId "u-1"/)],
      })
    })

    it('trusts secret-key calls from the site’s own servers', () => {
      const event = normalise(
        { type: 'track', event: 'x', userId: 'u-1' },
        { identitySecret },
        { ...facts, trusted: true },
      )
      expect(event.identity).toBe('identified')
    })
  })
})
