import { MAX_EVENT_BYTES } from '../limits.js'
import type { Warn } from '../warn.js'

/** Strings longer than this are cut; property values are labels, not documents. */
const MAX_STRING = 4096
const MAX_DEPTH = 12

/** The one warning for anything the page passed that JSON cannot carry as is. */
export const CLEANED = 'cleaned or dropped values that cannot be sent (see README, Debugging)'

const escape = (c: string) => '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4)

/** JSON string literal, without `JSON.stringify` (host pages override it). */
export const quote = (s: string) => '"' + s.replace(/["\\\u0000-\u001f\u2028\u2029]/g, escape) + '"'

/**
 * Serialises anything a host page may hand over into JSON, never throwing: functions,
 * symbols and `undefined` are left out, BigInt becomes a string, non-finite numbers
 * `null`, circular or too deep branches and keys whose getter throws are dropped,
 * `toJSON` (Dates) is honoured except on arrays (Prototype.js), long strings are cut.
 * Warns once. Returns `undefined` when the result exceeds the collector's 32 KB event limit.
 *
 * @example
 * toJson({ at: new Date(0), n: 1n, f() {} }, warn) // '{"at":"1970-01-01T00:00:00.000Z","n":"1"}'
 */
export function toJson(value: unknown, warn: Warn): string | undefined {
  // The objects on the path to the value being written, by depth: a cycle points back to one.
  const ancestors: unknown[] = []
  // Characters of the leaves written so far: stops walking a huge input early.
  let length = 0

  /** `holder[key]`, read here so that a throwing getter only costs its own key. */
  const write = (holder: any, key: string | number, depth: number): string | undefined => {
    let out: string | undefined
    if (length > MAX_EVENT_BYTES) return
    try {
      const v = holder[key]
      const type = typeof v
      if (type == 'object' && v) {
        if (depth > MAX_DEPTH || ancestors.slice(0, depth).includes(v)) return warn(CLEANED)
        ancestors[depth] = v
        return Array.isArray(v)
          ? '[' + Array.from(v, (_, index) => write(v, index, depth + 1) ?? 'null') + ']'
          : typeof v.toJSON == 'function'
            ? write([v.toJSON()], 0, depth + 1)
            : '{' +
              Object.keys(v)
                .map((name) => {
                  const member = write(v, name, depth + 1)
                  return member == null ? '' : quote(name) + ':' + member
                })
                .filter(String) +
              '}'
      }
      if (type == 'string') {
        if (v.length > MAX_STRING) warn(CLEANED)
        out = quote(v.slice(0, MAX_STRING))
      } else if (type == 'bigint') {
        out = '"' + v + '"'
      } else if (type == 'number' || type == 'boolean' || v === null) {
        out = isFinite(v) ? '' + v : 'null'
      } else if (v !== undefined) {
        warn(CLEANED)
      }
    } catch {
      warn(CLEANED)
    }
    length += out ? out.length : 0
    return out
  }

  const json = write([value], 0, 0)
  if (json && length <= MAX_EVENT_BYTES && new TextEncoder().encode(json).length <= MAX_EVENT_BYTES) return json
  warn('dropped an event over 32 KB')
  return undefined
}
