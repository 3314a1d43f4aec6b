const recent = new Map<number, string>()
const rememberAtMost = 100

/**
 * `new Date(ms).toISOString()`, remembering recent results. Formatting a date costs
 * about as much as validating the event, and the events of a batch share their
 * `receivedAt` and usually their `sentAt`, so most calls are repeats. Throws a
 * RangeError for an invalid time, exactly as `toISOString` does.
 *
 * @example
 * isoTime(0) // '1970-01-01T00:00:00.000Z'
 */
export function isoTime(ms: number): string {
  let iso = recent.get(ms)
  if (iso === undefined) {
    iso = new Date(ms).toISOString()
    if (recent.size >= rememberAtMost) recent.clear()
    recent.set(ms, iso)
  }
  return iso
}
