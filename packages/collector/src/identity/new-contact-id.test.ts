import { describe, expect, it } from 'vitest'
import { newContactId } from './new-contact-id.js'

describe('newContactId', () => {
  it('is a UUID v7 whose first 48 bits are the creation time', () => {
    const at = Date.UTC(2026, 10, 23, 10, 30)
    const id = newContactId(at)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at)
  })

  it('sorts contacts created later after those created earlier, and never repeats', () => {
    const earlier = Array.from({ length: 500 }, () => newContactId(1_700_000_000_000))
    const later = Array.from({ length: 500 }, () => newContactId(1_700_000_000_001))
    expect(earlier.every((id) => later.every((next) => id < next))).toBe(true)
    expect(new Set([...earlier, ...later]).size).toBe(1000)
  })
})
