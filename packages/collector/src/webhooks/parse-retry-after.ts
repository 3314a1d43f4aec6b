/**
 * The wait a `Retry-After` header asks for, in milliseconds from `now`: delay-seconds
 * (`"120"`) or an HTTP date (`"Fri, 04 Dec 2026 05:00:00 GMT"`). Null when there is no
 * header or it cannot be read; a date already past gives 0.
 *
 * @example
 * parseRetryAfter('120', new Date()) // 120000
 * parseRetryAfter('soon', new Date()) // null
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  const text = header?.trim()
  if (!text) return null
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Only real dates: Date.parse also reads bare numbers such as "-3" or "1.5".
  if (!/[a-z]/i.test(text)) return null
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime())
}
