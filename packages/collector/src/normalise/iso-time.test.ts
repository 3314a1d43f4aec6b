import { describe, expect, it } from 'vitest'
import { isoTime } from './iso-time.js'

describe('isoTime', () => {
  it('formats like toISOString, repeated calls and many distinct times alike', () => {
    const times = [0, 1_767_225_600_123, -1, 8.64e15, ...Array.from({ length: 250 }, (_, i) => 1_767_225_600_000 + i)]
    for (const ms of [...times, ...times]) expect(isoTime(ms)).toBe(new Date(ms).toISOString())
  })

  it('throws for an invalid time, as toISOString does', () => {
    expect(() => isoTime(Number.NaN)).toThrow(RangeError)
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError)
  })
})
