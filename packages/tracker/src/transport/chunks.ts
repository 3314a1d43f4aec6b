import { MAX_BEACON_BYTES } from '../limits.js'
import type { Entry } from '../queue/queue.js'
import { utf8Bytes } from '../utf8-bytes.js'

/** Room for `{"batch":[…],"sentAt":"…"}` around the events. */
const ENVELOPE_BYTES = 64

/**
 * Splits queued events into request bodies of at most `maxBytes` UTF-8 bytes each (by
 * default 64 KB, what a page may send while it unloads), in
 * order (every event is at most 32 KB, so each chunk holds at least one), and never an
 * empty one. Lazily: taking the first chunk measures only the events it holds.
 *
 * @example
 * const [first] = chunks(entries, 64 * 1024)
 */
export function* chunks(entries: Iterable<Entry>, maxBytes = MAX_BEACON_BYTES): Generator<Entry[]> {
  let current: Entry[] = []
  let size = ENVELOPE_BYTES
  for (const entry of entries) {
    const bytes = utf8Bytes(entry[1]) + 1
    size += bytes
    if (size > maxBytes) {
      yield current
      current = []
      size = ENVELOPE_BYTES + bytes
    }
    current.push(entry)
  }
  if (current[0]) yield current
}
