import { describe, expect, it } from 'vitest'
import { createSessionToken, readSessionToken, SESSION_LIFETIME_MS } from './session-token.js'

const secretKey = 'sk_test_0123456789abcdef'
const signedAt = new Date('2026-03-01T10:00:00Z')
const at = (ms: number) => new Date(signedAt.getTime() + ms)

describe('console session token', () => {
  it('is read back until it expires, and refused from the instant it does', () => {
    const token = createSessionToken({ secretKey, now: signedAt })
    expect(readSessionToken(token, { secretKey, now: at(SESSION_LIFETIME_MS - 1) })).toMatchObject({
      expiresAt: signedAt.getTime() + SESSION_LIFETIME_MS,
    })
    expect(readSessionToken(token, { secretKey, now: at(SESSION_LIFETIME_MS) })).toBeNull()
  })

  it('refuses a token whose claims were edited, even by one character', () => {
    const token = createSessionToken({ secretKey, now: signedAt })
    const [payload, signature] = token.split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const extended = Buffer.from(JSON.stringify({ ...claims, expiresAt: claims.expiresAt * 2 })).toString('base64url')
    expect(readSessionToken(`${extended}.${signature}`, { secretKey, now: signedAt })).toBeNull()
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
    expect(readSessionToken(`${payload}.${flipped}`, { secretKey, now: signedAt })).toBeNull()
  })

  it('refuses a token signed with another secret key (changing the key signs everyone out)', () => {
    const token = createSessionToken({ secretKey: 'sk_other_0123456789abcdef', now: signedAt })
    expect(readSessionToken(token, { secretKey, now: signedAt })).toBeNull()
  })

  it('refuses malformed tokens without throwing', () => {
    for (const token of [undefined, '', 'abc', 'a.b.c', '.sig', 'payload.', '%%%.%%%']) {
      expect(readSessionToken(token, { secretKey, now: signedAt }), String(token)).toBeNull()
    }
    const unsignedJunk = Buffer.from('not json').toString('base64url')
    expect(readSessionToken(`${unsignedJunk}.x`, { secretKey, now: signedAt })).toBeNull()
  })

  it('gives each sign-in its own id', () => {
    const first = readSessionToken(createSessionToken({ secretKey, now: signedAt }), { secretKey, now: signedAt })
    const second = readSessionToken(createSessionToken({ secretKey, now: signedAt }), { secretKey, now: signedAt })
    expect(first!.id).not.toBe(second!.id)
  })
})
