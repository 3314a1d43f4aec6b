import { describe, expect, it } from 'vitest'
import { durationMs, durationSchema } from './duration.js'

describe('durationMs', () => {
  it.each([
    ['1s', 1000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['30d', 2_592_000_000],
    ['8w', 4_838_400_000],
  ])('reads %s as %d ms', (text, ms) => expect(durationMs(text)).toBe(ms))

  it.each(['2', 'h', '2 h', '2H', '-2h', '1.5h', '2hours', ' 2h', '1234567s'])('refuses %j', (text) => {
    expect(durationMs(text)).toBeNull()
  })
})

describe('durationSchema', () => {
  it('keeps the text as written and bounds it between 1 second and 10 years', () => {
    expect(durationSchema.parse('2h')).toBe('2h')
    expect(durationSchema.safeParse('0s').error?.issues[0]?.message).toBe('must be at least 1 second ("1s")')
    expect(durationSchema.parse('520w')).toBe('520w')
    expect(durationSchema.safeParse('521w').error?.issues[0]?.message).toBe('must be at most 10 years ("520w")')
    expect(durationSchema.safeParse(7200).error?.issues[0]?.message).toContain('must be a duration such as')
  })
})
