import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StoreTransaction, Transactional } from '../transaction/store-transaction.js'
import { DueScheduler } from './due-scheduler.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Due times kept in memory: the scheduler asks a store only for the next one, and the
 * store's side of it (the due-time index, leases) is in the store contract suite.
 */
function dueTimes() {
  const due: number[] = []
  const store: Transactional = {
    transaction: async <T>(work: (tx: StoreTransaction) => Promise<T>) =>
      work({
        nextDueAt: async () => (due.length === 0 ? null : new Date(Math.min(...due)).toISOString()),
      } as unknown as StoreTransaction),
  }
  const takeDue = async () => {
    const now = Date.now()
    const taken = due.filter((at) => at <= now)
    due.splice(0, due.length, ...due.filter((at) => at > now))
    return taken.length
  }
  return { store, takeDue, add: (inMs: number) => due.push(Date.now() + inMs) }
}

describe('DueScheduler', () => {
  afterEach(() => vi.useRealTimers())

  it('sleeps until the next record is due, not a moment sooner, and looks again when poked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { store, takeDue, add } = dueTimes()
    const fired: number[] = []
    const started = Date.now()
    const looks = vi.fn()
    const watched: Transactional = { transaction: (work) => (looks(), store.transaction(work)) }
    const scheduler = new DueScheduler({
      store: watched,
      kind: 'timer',
      now: () => new Date(),
      runDue: async () => {
        const taken = await takeDue()
        for (let i = 0; i < taken; i++) fired.push(Date.now() - started)
        return taken
      },
    })
    try {
      add(2 * HOUR)
      scheduler.start()
      await vi.advanceTimersByTimeAsync(HOUR)
      expect(looks).toHaveBeenCalledTimes(1) // one look on start, then asleep
      add(10 * MINUTE) // a commit adds an earlier one and pokes
      scheduler.poke()
      await vi.advanceTimersByTimeAsync(2 * HOUR)
      expect(fired).toEqual([HOUR + 10 * MINUTE, 2 * HOUR])
      const looksWhenIdle = looks.mock.calls.length
      await vi.advanceTimersByTimeAsync(48 * HOUR)
      expect(looks).toHaveBeenCalledTimes(looksWhenIdle) // nothing due: nothing awake
    } finally {
      await scheduler.stop()
    }
  })
})
