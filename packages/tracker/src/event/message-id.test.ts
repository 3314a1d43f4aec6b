import { afterEach, expect, it, vi } from 'vitest'
import { messageId } from './message-id.js'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

it('is the time in base 36, then a UUID v4 where crypto.randomUUID exists', () => {
  const id = messageId()
  expect(id).toMatch(/^[0-9a-z]{8}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(Math.abs(Number.parseInt(id.slice(0, 8), 36) - Date.now())).toBeLessThan(1000)
})

it('sorts ids made later after ids made earlier, so the collector appends them to its index', () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9) })
  const earlier = Array.from({ length: 200 }, messageId)
  vi.advanceTimersByTime(1)
  const later = Array.from({ length: 200 }, messageId)
  expect(earlier.every((id) => later.every((next) => id < next))).toBe(true)
})

it('falls back to 128 random bits outside secure contexts, unique each time', () => {
  const real = crypto
  vi.stubGlobal('crypto', { getRandomValues: (array: Uint32Array) => real.getRandomValues(array) })
  const ids = new Set(Array.from({ length: 1000 }, messageId))
  expect(ids.size).toBe(1000)
  expect([...ids][0]).toMatch(/^[0-9a-z]{8}-\d+-\d+-\d+-\d+$/)
})
