import { describe, expect, it } from 'vitest'
import type { Entry } from '../queue/queue.js'
import { chunk } from './chunk.js'

const entry = (key: string, bytes: number): Entry => [key, JSON.stringify({ pad: 'é'.repeat(Math.ceil((bytes - 10) / 2)) })]
const size = (entries: Entry[]) => new Blob(['{"batch":[' + entries.map((e) => e[1]) + '],"sentAt":"2025-01-01T00:00:00.000Z"}']).size

describe('chunk', () => {
  it('keeps every request body within the byte limit, counting UTF-8 bytes, in order', () => {
    const entries = Array.from({ length: 40 }, (_, index) => entry(String(index), 5000))
    const chunks = chunk(entries, 64 * 1024)
    expect(chunks.length).toBeGreaterThan(2)
    for (const part of chunks) expect(size(part)).toBeLessThanOrEqual(64 * 1024)
    expect(chunks.flat()).toEqual(entries)
  })

  it('gives one empty chunk for an empty queue', () => {
    expect(chunk([], 1000)).toEqual([[]])
  })
})
