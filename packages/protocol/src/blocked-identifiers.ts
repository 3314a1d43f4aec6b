/**
 * Placeholder values that careless integrations send as ids. Treating them as real ids
 * glues thousands of strangers into one contact (n8n#5093), so they never identify anyone.
 */
const blockedValues = new Set([
  '',
  'anonymous',
  'null',
  'undefined',
  'none',
  'nan',
  'guest',
  'true',
  'false',
  '0',
  '-1',
  '[object object]',
])

/**
 * True when `value` must not be used as an identifier (docs/identity.md).
 *
 * @example
 * isBlockedIdentifier(' NULL ') // true
 * isBlockedIdentifier('0000')   // true
 * isBlockedIdentifier('u_42')   // false
 */
export function isBlockedIdentifier(value: string): boolean {
  const normalised = value.trim().toLowerCase()
  return blockedValues.has(normalised) || /^0+$/.test(normalised)
}
