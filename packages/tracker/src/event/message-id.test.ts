import { afterEach, expect, it, vi } from 'vitest'
import { messageId } from './message-id.js'

afterEach(() => vi.unstubAllGlobals())

it('is a UUID v4 where crypto.randomUUID exists', () => {
  expect(messageId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})

it('falls back to 128 random bits outside secure contexts, unique each time', () => {
  const real = crypto
  vi.stubGlobal('crypto', { getRandomValues: (array: Uint32Array) => real.getRandomValues(array) })
  const ids = new Set(Array.from({ length: 1000 }, messageId))
  expect(ids.size).toBe(1000)
  expect([...ids][0]).toMatch(/^\d+-\d+-\d+-\d+$/)
})
