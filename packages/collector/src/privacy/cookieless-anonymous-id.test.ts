import { describe, expect, it } from 'vitest'
import { cookielessAnonymousId } from './cookieless-anonymous-id.js'

const request = { salt: 'salt-1', source: 'wk_shop', address: '203.0.113.7', userAgent: 'Firefox/140' }

describe('cookielessAnonymousId', () => {
  it('replaces $cookieless with a hash that changes with the salt, the site, the address and the agent', () => {
    const id = cookielessAnonymousId('$cookieless', request)
    expect(id).toEqual({ ok: true, anonymousId: expect.stringMatching(/^cl_[\w-]{22}$/) })
    expect(cookielessAnonymousId('$cookieless', { ...request })).toEqual(id)
    const changes = [{ salt: 'salt-2' }, { source: 'wk_blog' }, { address: '203.0.113.8' }, { userAgent: 'Safari/18' }]
    for (const change of changes) {
      expect(cookielessAnonymousId('$cookieless', { ...request, ...change })).not.toEqual(id)
    }
    // Length-prefixed: moving a character from one field to the next changes the id.
    const shifted = { ...request, source: 'wk_sho', address: 'p203.0.113.7' }
    expect(cookielessAnonymousId('$cookieless', shifted)).not.toEqual(id)
  })

  it('keeps any other anonymousId, and refuses $cookieless without a salt', () => {
    expect(cookielessAnonymousId('device-1', request)).toEqual({ ok: true, anonymousId: 'device-1' })
    expect(cookielessAnonymousId(null, request)).toEqual({ ok: true, anonymousId: null })
    const refused = cookielessAnonymousId('$cookieless', { ...request, salt: undefined })
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('$cookieless') })
  })
})
