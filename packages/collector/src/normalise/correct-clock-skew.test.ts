import { describe, expect, it } from 'vitest'
import { correctClockSkew } from './correct-clock-skew.js'

const receivedAt = Date.parse('2026-05-01T12:00:00.000Z')

describe('correctClockSkew', () => {
  it('leaves an offset of up to 60 s alone: that is transit time', () => {
    expect(correctClockSkew(receivedAt - 70_000, receivedAt - 60_000, receivedAt)).toBe(receivedAt - 70_000)
  })

  it('shifts by receivedAt − sentAt beyond 60 s, both ways', () => {
    expect(correctClockSkew(receivedAt - 60_001 - 5_000, receivedAt - 60_001, receivedAt)).toBe(receivedAt - 5_000)
    expect(correctClockSkew(receivedAt + 7_200_000 - 5_000, receivedAt + 7_200_000, receivedAt)).toBe(
      receivedAt - 5_000,
    )
  })

  it('clamps a future timestamp to receivedAt, with or without sentAt', () => {
    expect(correctClockSkew(receivedAt + 30_000, receivedAt + 10_000, receivedAt)).toBe(receivedAt)
    expect(correctClockSkew(receivedAt + 1, null, receivedAt)).toBe(receivedAt)
  })
})
