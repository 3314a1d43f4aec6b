import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './parse-retry-after.js'

const now = new Date('2026-12-04T03:00:00Z')

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP date as the time left until it, and 0 for one already past', () => {
    expect(parseRetryAfter('Fri, 04 Dec 2026 03:05:00 GMT', now)).toBe(300_000)
    expect(parseRetryAfter('Fri, 04 Dec 2026 02:00:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    for (const header of [null, undefined, '', 'soon', '-3', '1.5', 'Friday-ish']) {
      expect(parseRetryAfter(header, now)).toBeNull()
    }
  })
})
