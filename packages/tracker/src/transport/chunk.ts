import type { Entry } from '../queue/queue.js'

/** Room for `{"batch":[…],"sentAt":"…"}` around the events. */
const ENVELOPE_BYTES = 64

/**
 * Splits queued events into request bodies of at most `maxBytes` UTF-8 bytes each
 * (every event is at most 32 KB, so each chunk holds at least one).
 *
 * @example
 * chunk(entries, 64 * 1024).map(body) // beacon-sized bodies
 */
export function chunk(entries: Entry[], maxBytes: number): Entry[][] {
  const encoder = new TextEncoder()
  const chunks: Entry[][] = []
  let current: Entry[] = []
  let size = ENVELOPE_BYTES
  for (const entry of entries) {
    const bytes = encoder.encode(entry[1]).length + 1
    if (current.length && size + bytes > maxBytes) {
      chunks.push(current)
      current = []
      size = ENVELOPE_BYTES
    }
    current.push(entry)
    size += bytes
  }
  if (current.length) chunks.push(current)
  return chunks
}
