import { isBlockedIdentifier } from '@sillage/protocol'

/**
 * The identifier if it may identify someone, else null: placeholder values such as
 * `"null"` or `"anonymous"` (CONTRACT §4) are dropped rather than gluing strangers together.
 *
 * @example
 * usableIdentifier(' u_42 ') // 'u_42'
 * usableIdentifier('null')   // null
 */
export function usableIdentifier(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return isBlockedIdentifier(trimmed) ? null : trimmed
}

/**
 * An email as stored: trimmed and lower-cased, or null when absent or a placeholder.
 *
 * @example
 * usableEmail(' Ada@Example.COM ') // 'ada@example.com'
 */
export function usableEmail(value: unknown): string | null {
  return usableIdentifier(value)?.toLowerCase() ?? null
}
