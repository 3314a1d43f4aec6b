import { describe, expect, it } from 'vitest'
import type { Entry } from '../queue/queue.js'
import { chunks } from './chunks.js'

const entry = (key: string, bytes: number): Entry => [
  key,
  JSON.stringify({ pad: 'é'.repeat(Math.ceil((bytes - 10) / 2)) }),
]
const size = (entries: Entry[]) =>
  new Blob(['{"batch":[' + entries.map((e) => e[1]) + '],"sentAt":"2025-01-01T00:00:00.000Z"}']).size

describe('chunks', () => {
  it('keeps every request body within the byte limit, counting UTF-8 bytes, in order', () => {
    const entries = Array.from({ length: 40 }, (_, index) => entry(String(index), 5000))
    const parts = [...chunks(entries, 64 * 1024)]
    expect(parts.length).toBeGreaterThan(2)
    for (const part of parts) expect(size(part)).toBeLessThanOrEqual(64 * 1024)
    expect(parts.flat()).toEqual(entries)
  })

  it('gives no chunk for an empty queue', () => {
    expect([...chunks([], 1000)]).toEqual([])
  })
})
