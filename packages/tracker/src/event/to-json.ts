import { MAX_EVENT_BYTES } from '../limits.js'
import { utf8Bytes } from '../utf8-bytes.js'
import type { Warn } from '../warn.js'

/** Strings longer than this are cut; property values are labels, not documents. */
const MAX_STRING = 4096

/** The one warning for anything the page passed that JSON cannot carry as is. */
export const CLEANED = 'cleaned-values'

/**
 * Serialises an event whose properties come from the host page, never throwing.
 * Cleaned, with one warning: functions and symbols are left out (as JSON does), BigInt
 * becomes a string, a string over 4096 characters is cut, an object met a second time
 * (a cycle, such as a DOM node or a framework event passed by mistake) is left out.
 * Dropped, with a warning: an event over the collector's 32 KB limit, or one that cannot
 * be serialised at all (a getter that throws, a page that broke `JSON.stringify`).
 *
 * @example
 * toJson({ at: new Date(0), n: 1n, f() {} }, warn) // '{"at":"1970-01-01T00:00:00.000Z","n":"1"}'
 */
export function toJson(value: unknown, warn: Warn): string | undefined {
  const seen = new WeakSet<object>()
  try {
    const json: unknown = JSON.stringify(value, (_key, v: any) => {
      const type = typeof v
      if (type == 'bigint') return '' + v
      if (type == 'string' && v.length > MAX_STRING) {
        warn(CLEANED)
        return v.slice(0, MAX_STRING)
      }
      if (type == 'function' || type == 'symbol' || seen.has(v)) return warn(CLEANED)
      if (v && type == 'object') seen.add(v)
      return v
    })
    if (typeof json == 'string' && utf8Bytes(json) <= MAX_EVENT_BYTES) return json
  } catch {
    // a throwing getter or a broken JSON.stringify: dropped below
  }
  warn('event-dropped')
  return undefined
}
