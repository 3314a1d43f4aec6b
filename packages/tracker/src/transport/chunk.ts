import type { Entry } from '../queue/queue.js'

/** Room for `{"batch":[…],"sentAt":"…"}` around the events. */
const ENVELOPE_BYTES = 64

/**
 * Splits queued events into request bodies of at most `maxBytes` UTF-8 bytes each
 * (every event is at most 32 KB, so each chunk holds at least one). No events: one empty chunk.
 *
 * @example
 * chunk(entries, 64 * 1024) // [[…], […]]
 */
export function chunk(entries: Entry[], maxBytes: number): Entry[][] {
  const chunks: Entry[][] = [[]]
  let size = ENVELOPE_BYTES
  for (const entry of entries) {
    const bytes = new Blob([entry[1]]).size + 1
    if ((size += bytes) > maxBytes) {
      chunks.push([])
      size = ENVELOPE_BYTES + bytes
    }
    chunks[chunks.length - 1]!.push(entry)
  }
  return chunks
}
