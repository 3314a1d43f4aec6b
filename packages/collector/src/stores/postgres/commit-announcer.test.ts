import { setImmediate as turn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { CommitAnnouncer } from './commit-announcer.js'

/** A send that stays on its way until the test lets it arrive (or fail). */
function heldSends() {
  const held: Array<{ arrive: () => void; fail: () => void }> = []
  const send = () =>
    new Promise<void>((resolve, reject) => held.push({ arrive: resolve, fail: () => reject(new Error('gone')) }))
  return { held, send }
}

describe('CommitAnnouncer', () => {
  it('sends one announcement per commit while none is on its way', async () => {
    const { held, send } = heldSends()
    const announcer = new CommitAnnouncer(send)
    announcer.announce()
    expect(held).toHaveLength(1)
    held[0]!.arrive()
    await turn()
    announcer.announce()
    expect(held).toHaveLength(2)
  })

  it('turns the commits made while one is on its way into a single next announcement', async () => {
    const { held, send } = heldSends()
    const announcer = new CommitAnnouncer(send)
    announcer.announce()
    announcer.announce()
    announcer.announce()
    expect(held).toHaveLength(1)
    held[0]!.arrive()
    await turn()
    expect(held).toHaveLength(2)
    held[1]!.arrive()
    await turn()
    expect(held).toHaveLength(2)
  })

  it('goes on after a send that failed', async () => {
    const { held, send } = heldSends()
    const announcer = new CommitAnnouncer(send)
    announcer.announce()
    announcer.announce()
    held[0]!.fail()
    await turn()
    expect(held).toHaveLength(2)
    held[1]!.arrive()
    await turn()
    announcer.announce()
    expect(held).toHaveLength(3)
  })
})
