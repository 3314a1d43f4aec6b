import { setImmediate as turn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { type SleepTimers, WakeableSleep } from './wakeable-sleep.js'

/** Timers on a clock the test moves by hand. */
class ManualTimers implements SleepTimers {
  private now = 0
  private nextId = 1
  private readonly pending = new Map<number, { at: number; callback: () => void }>()

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++
    this.pending.set(id, { at: this.now + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }

  /** When each timer still set is due. */
  get dueTimes(): number[] {
    return [...this.pending.values()].map((timer) => timer.at)
  }

  advance(ms: number): void {
    this.now += ms
    for (const [id, timer] of [...this.pending].sort(([, a], [, b]) => a.at - b.at)) {
      if (timer.at > this.now) break
      this.pending.delete(id)
      timer.callback()
    }
  }
}

/** The promise's outcome once pending callbacks have run: 'pending' while it has not settled. */
async function outcome<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, turn().then(() => 'pending' as const)])
}

describe('WakeableSleep', () => {
  it('sleeps until its time is up', async () => {
    const timers = new ManualTimers()
    const sleep = new WakeableSleep(timers).sleep(1000)
    timers.advance(999)
    expect(await outcome(sleep)).toBe('pending')
    timers.advance(1)
    expect(await outcome(sleep)).toBe(false)
  })

  it('ends at once when woken, its timer cleared', async () => {
    const timers = new ManualTimers()
    const sleeper = new WakeableSleep(timers)
    const sleep = sleeper.sleep(60_000)
    expect(timers.dueTimes).toEqual([60_000])
    sleeper.wake()
    expect(await outcome(sleep)).toBe(true)
    expect(timers.dueTimes).toEqual([])
  })

  it('keeps a wake-up that came between two sleeps: the next one returns at once, the one after sleeps', async () => {
    const timers = new ManualTimers()
    const sleeper = new WakeableSleep(timers)
    sleeper.wake()
    sleeper.wake()
    expect(await outcome(sleeper.sleep(1000))).toBe(true)
    const next = sleeper.sleep(1000)
    expect(await outcome(next)).toBe('pending')
    timers.advance(1000)
    expect(await outcome(next)).toBe(false)
  })

  it('without a time, sleeps until woken', async () => {
    const timers = new ManualTimers()
    const sleeper = new WakeableSleep(timers)
    const sleep = sleeper.sleep(null)
    expect(timers.dueTimes).toEqual([])
    timers.advance(365 * 24 * 3600 * 1000)
    expect(await outcome(sleep)).toBe('pending')
    sleeper.wake()
    expect(await outcome(sleep)).toBe(true)
  })

  it('cuts a sleep longer than a Node timer can wait to the longest one', async () => {
    const timers = new ManualTimers()
    const sleep = new WakeableSleep(timers).sleep(40 * 24 * 3600 * 1000)
    expect(timers.dueTimes).toEqual([2 ** 31 - 1])
    timers.advance(2 ** 31 - 1)
    expect(await outcome(sleep)).toBe(false)
  })
})
