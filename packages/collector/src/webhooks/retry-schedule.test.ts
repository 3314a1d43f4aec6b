import { describe, expect, it } from 'vitest'
import { nextWebhookAttemptDelay } from './retry-schedule.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

describe('nextWebhookAttemptDelay', () => {
  it.each([
    // attempts made, lowest wait (random 0), middle (random 0.5), highest (random → 1)
    [1, 4.5 * SECOND, 5 * SECOND, 5.5 * SECOND],
    [2, 4.5 * MINUTE, 5 * MINUTE, 5.5 * MINUTE],
    [3, 27 * MINUTE, 30 * MINUTE, 33 * MINUTE],
    [4, 1.8 * HOUR, 2 * HOUR, 2.2 * HOUR],
    [5, 4.5 * HOUR, 5 * HOUR, 5.5 * HOUR],
    [6, 9 * HOUR, 10 * HOUR, 11 * HOUR],
    [7, 9 * HOUR, 10 * HOUR, 11 * HOUR],
  ])('after %i attempts waits %d to %d ms, with jitter', (attemptsMade, lowest, middle, highest) => {
    expect(nextWebhookAttemptDelay({ attemptsMade, random: () => 0 })).toBe(Math.round(lowest))
    expect(nextWebhookAttemptDelay({ attemptsMade, random: () => 0.5 })).toBe(middle)
    expect(nextWebhookAttemptDelay({ attemptsMade, random: () => 1 - 1e-12 })).toBe(Math.round(highest))
  })

  it('stops after the eighth attempt: the message has failed', () => {
    expect(nextWebhookAttemptDelay({ attemptsMade: 8, random: () => 0.5 })).toBeNull()
    expect(nextWebhookAttemptDelay({ attemptsMade: 8, retryAfterMs: 1000 })).toBeNull()
    expect(nextWebhookAttemptDelay({ attemptsMade: 0 })).toBeNull()
  })

  it('lets a Retry-After take precedence, sooner or later than the schedule, within a second and a day', () => {
    expect(nextWebhookAttemptDelay({ attemptsMade: 6, retryAfterMs: 2 * MINUTE })).toBe(2 * MINUTE)
    expect(nextWebhookAttemptDelay({ attemptsMade: 1, retryAfterMs: HOUR })).toBe(HOUR)
    expect(nextWebhookAttemptDelay({ attemptsMade: 1, retryAfterMs: 0 })).toBe(SECOND)
    expect(nextWebhookAttemptDelay({ attemptsMade: 1, retryAfterMs: 90 * 24 * HOUR })).toBe(24 * HOUR)
  })

  it('spreads messages that failed together', () => {
    const waits = new Set(Array.from({ length: 100 }, () => nextWebhookAttemptDelay({ attemptsMade: 2 })))
    expect(waits.size).toBeGreaterThan(90)
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(4.5 * MINUTE)
  })
})
