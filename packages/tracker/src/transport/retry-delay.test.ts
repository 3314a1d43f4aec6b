import { describe, expect, it, vi } from 'vitest'
import { isRetryable, retryDelay } from './retry-delay.js'

describe('retryDelay', () => {
  it('draws a delay between 0 and 2^attempt seconds (full jitter), capped at 5 minutes', () => {
    const random = vi.spyOn(Math, 'random')
    random.mockReturnValue(0)
    expect(retryDelay(3)).toBe(0)
    random.mockReturnValue(0.999)
    expect(retryDelay(1)).toBeCloseTo(1998)
    expect(retryDelay(3)).toBeCloseTo(7992)
    expect(retryDelay(30)).toBe(300_000)
  })

  it('takes Retry-After seconds as they are, within the cap', () => {
    expect(retryDelay(5, '7')).toBe(7000)
    expect(retryDelay(1, '0')).toBe(0)
    expect(retryDelay(1, '86400')).toBe(300_000)
  })

  it('ignores a Retry-After it cannot read', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    expect(retryDelay(1, 'soon')).toBe(1000)
    expect(retryDelay(1, '-3')).toBe(1000)
  })
})

describe('isRetryable', () => {
  it('retries network errors, 408, 429 and 5xx only', () => {
    expect([undefined, 408, 429, 500, 503].map(isRetryable)).toEqual([true, true, true, true, true])
    expect([200, 204, 400, 401, 404, 413].map(isRetryable)).toEqual([false, false, false, false, false, false])
  })
})
