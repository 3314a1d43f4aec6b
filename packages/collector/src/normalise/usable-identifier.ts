import { isBlockedIdentifier, MAX_IDENTIFIER_LENGTH } from '@sillage/protocol'

/**
 * The identifier if it may identify someone, else null: placeholder values such as
 * `"null"` or `"anonymous"` (docs/identity.md) are dropped rather than gluing strangers together.
 *
 * @example
 * usableIdentifier(' u_42 ') // 'u_42'
 * usableIdentifier('null')   // null
 */
export function usableIdentifier(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  // Over-long or NUL-carrying values can't be an id anyone meant, and PostgreSQL's
  // text columns and unique indexes refuse them: never let them reach a store.
  if (trimmed.length > MAX_IDENTIFIER_LENGTH || trimmed.includes('\u0000')) return null
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
