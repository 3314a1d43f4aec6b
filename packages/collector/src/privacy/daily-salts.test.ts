import { describe, expect, it } from 'vitest'
import { DailySalts } from './daily-salts.js'

describe('DailySalts', () => {
  it('asks the store once per UTC day and keeps the answer for the rest of it', async () => {
    const asked: string[] = []
    const salts = new DailySalts(async (day) => (asked.push(day), `salt-${day}`))
    expect(await salts.saltAt(new Date('2026-03-10T00:00:00.000Z'))).toBe('salt-2026-03-10')
    expect(await salts.saltAt(new Date('2026-03-10T23:59:59.999Z'))).toBe('salt-2026-03-10')
    expect(await salts.saltAt(new Date('2026-03-11T00:00:00.000Z'))).toBe('salt-2026-03-11')
    expect(asked).toEqual(['2026-03-10', '2026-03-11'])
  })

  it('tries the store again after a failed load', async () => {
    let calls = 0
    const salts = new DailySalts(async () => {
      calls += 1
      if (calls === 1) throw new Error('store down')
      return 'salt'
    })
    const at = new Date('2026-03-10T12:00:00.000Z')
    await expect(salts.saltAt(at)).rejects.toThrow('store down')
    expect(await salts.saltAt(at)).toBe('salt')
    expect(calls).toBe(2)
  })
})
