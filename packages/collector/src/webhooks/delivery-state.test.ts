import { describe, expect, it } from 'vitest'
import { newDelivery, recordAttempt, replayDelivery, type DeliveryState } from './delivery-state.js'
import type { WebhookAttempt } from './webhook-attempt.js'

const start = new Date('2026-12-04T00:00:00.000Z')
const failed: WebhookAttempt = {
  outcome: 'failed',
  status: 503,
  error: 'answered 503',
  retryAfterMs: null,
  durationMs: 0,
}
const middle = () => 0.5

/** Fails a message at each due time, as a worker with this clock would, and lists when each attempt ran. */
function failUntilDone(delivery: DeliveryState): { delivery: DeliveryState; times: string[] } {
  let state = delivery
  while (state.nextAttemptAt !== null) {
    const at = new Date(state.nextAttemptAt)
    state = recordAttempt({ delivery: state, attempt: failed, at, random: middle }).delivery
  }
  return { delivery: state, times: state.attempts.map((attempt) => attempt.at) }
}

describe('the life of a message', () => {
  it('is tried eight times on the schedule, then failed and kept with every attempt', () => {
    const { delivery, times } = failUntilDone(newDelivery(start))
    expect(times).toEqual([
      '2026-12-04T00:00:00.000Z',
      '2026-12-04T00:00:05.000Z',
      '2026-12-04T00:05:05.000Z',
      '2026-12-04T00:35:05.000Z',
      '2026-12-04T02:35:05.000Z',
      '2026-12-04T07:35:05.000Z',
      '2026-12-04T17:35:05.000Z',
      '2026-12-05T03:35:05.000Z',
    ])
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null })
    expect(delivery.attempts[0]).toEqual({ at: times[0], status: 503, durationMs: 0, error: 'answered 503' })
  })

  it('waits after an attempt is over, and as long as the receiver asks', () => {
    const slow = { ...failed, durationMs: 15_000, retryAfterMs: 600_000 }
    const { delivery } = recordAttempt({ delivery: newDelivery(start), attempt: slow, at: start, random: middle })
    expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: '2026-12-04T00:10:15.000Z' })
  })

  it('is delivered by a 2xx, and stops at once on a 410, disabling the endpoint', () => {
    const attempt = (attempt: WebhookAttempt) => recordAttempt({ delivery: newDelivery(start), attempt, at: start })
    expect(attempt({ outcome: 'delivered', status: 204, durationMs: 12 })).toEqual({
      delivery: {
        status: 'delivered',
        attempts: [{ at: start.toISOString(), status: 204, durationMs: 12 }],
        nextAttemptAt: null,
        replayedAfter: 0,
      },
      disableEndpoint: false,
    })
    const gone = attempt({ outcome: 'gone', status: 410, durationMs: 3 })
    expect(gone.disableEndpoint).toBe(true)
    expect(gone.delivery).toMatchObject({ status: 'failed', nextAttemptAt: null })
    expect(gone.delivery.attempts[0]?.error).toBe('answered 410 Gone: the endpoint is disabled')
  })

  it('starts the schedule afresh when replayed, keeping the earlier attempts', () => {
    const { delivery } = failUntilDone(newDelivery(start))
    const replayed = replayDelivery(delivery, new Date('2026-12-10T00:00:00.000Z'))
    expect(replayed).toMatchObject({ status: 'pending', nextAttemptAt: '2026-12-10T00:00:00.000Z' })
    const again = failUntilDone(replayed)
    expect(again.times).toHaveLength(16)
    expect(again.times[9]).toBe('2026-12-10T00:00:05.000Z')
  })
})
