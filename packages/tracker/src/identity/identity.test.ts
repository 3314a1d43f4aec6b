import { describe, expect, it } from 'vitest'
import { createIdentity, type User } from './identity.js'
import { createStorage } from './storage.js'

/** An identity over memory storage, holding `stored` already. */
function identityWith(stored: User) {
  const identity = createIdentity(createStorage('memory'), () => {}, {})
  identity._identify(stored)
  return identity
}

describe('identify', () => {
  it('lets the same person accumulate ids', () => {
    const identity = identityWith({ email: 'a@x.io' })
    identity._identify({ userId: '42' })
    expect(identity._current()).toMatchObject({ userId: '42', email: 'a@x.io', userHash: undefined })

    const other = identityWith({ userId: '42', userHash: 'h' })
    other._identify({ email: 'a@x.io' })
    expect(other._current()).toMatchObject({ userId: '42', email: 'a@x.io', userHash: 'h' })
  })

  it('replaces everything when another userId signs in without a reset', () => {
    const identity = identityWith({ userId: '42', email: 'a@x.io', userHash: 'h' })
    identity._identify({ userId: '7' })
    expect(identity._current()).toMatchObject({ userId: '7', email: undefined, userHash: undefined })
  })
})
