import { describe, expect, it } from 'vitest'
import { mergeUser } from './merge-user.js'

describe('mergeUser', () => {
  it('lets the same person accumulate ids', () => {
    expect(mergeUser({ email: 'a@x.io' }, { userId: '42' })).toEqual({ userId: '42', email: 'a@x.io', userHash: undefined })
    expect(mergeUser({ userId: '42', userHash: 'h' }, { email: 'a@x.io' })).toEqual({ userId: '42', email: 'a@x.io', userHash: 'h' })
  })

  it('replaces everything when another userId signs in without a reset', () => {
    expect(mergeUser({ userId: '42', email: 'a@x.io', userHash: 'h' }, { userId: '7' })).toEqual({ userId: '7' })
  })
})
