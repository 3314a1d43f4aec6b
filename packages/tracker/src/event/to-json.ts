import { MAX_EVENT_BYTES } from '../limits.js'
import type { Warn } from '../warn.js'

/** Strings longer than this are cut; property values are labels, not documents. */
const MAX_STRING = 4096

/** The one warning for anything the page passed that JSON cannot carry as is. */
export const CLEANED = 'cleaned-values'

/**
 * Serialises an event whose properties come from the host page, never throwing, and
 * without `JSON.stringify` (pages override it, break it, or freeze it). Cleaned, with one
 * warning: functions and symbols are left out, an object met a second time (a cycle, such
 * as a DOM node or a framework event passed by mistake) is left out, a string over 4096
 * characters is cut. BigInt becomes a string, `toJSON` is honoured (Dates), non-finite
 * numbers become null. Dropped, with a warning: an event over the collector's 32 KB limit,
 * or one whose reading throws (a getter or `toJSON` of the page).
 *
 * @example
 * toJson({ at: new Date(0), n: 1n, f() {} }, warn) // '{"at":"1970-01-01T00:00:00.000Z","n":"1"}'
 */
export function toJson(value: unknown, warn: Warn): string | undefined {
  const seen = new Set<unknown>()
  const quote = (text: string) =>
    '"' + text.replace(/["\\\u0000-\u001f\u2028\u2029]/g, (c) => '\\u' + (c.charCodeAt(0) + 65536).toString(16).slice(1)) + '"'
  const write = (v: any): string | undefined => {
    const type = typeof v
    if (type == 'string') {
      if (v.length > MAX_STRING) warn(CLEANED)
      return quote(v.slice(0, MAX_STRING))
    }
    if (type == 'bigint' || (type == 'number' && isFinite(v)) || type == 'boolean') return quote('' + v).slice(+(type != 'bigint'), type == 'bigint' ? undefined : -1)
    if (v == null || type == 'number') return 'null'
    if (type != 'object' || seen.has(v)) return warn(CLEANED)
    seen.add(v)
    return typeof v.toJSON == 'function'
      ? write(v.toJSON())
      : Array.isArray(v)
        ? '[' + Array.from(v, (item) => write(item) ?? 'null') + ']'
        : '{' + Object.keys(v).map((key) => { const member = write(v[key]); return member && quote(key) + ':' + member }).filter(Boolean) + '}'
  }
  try {
    const json = write(value)
    if (json && new Blob([json]).size <= MAX_EVENT_BYTES) return json
  } catch {
    // a getter or toJSON of the page threw: dropped below
  }
  warn('event-dropped')
  return undefined
}
