/**
 * The members cursor: the last listed contact id, opaque to callers.
 *
 * @example
 * decodeMembersCursor(encodeMembersCursor('c_1')) // 'c_1'
 */
export function encodeMembersCursor(contactId: string): string {
  return Buffer.from(JSON.stringify({ after: contactId })).toString('base64url')
}

/** The contact id of a members cursor, or null when it is not one. */
export function decodeMembersCursor(cursor: string): string | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const after = (decoded as { after?: unknown } | null)?.after
    return typeof after === 'string' ? after : null
  } catch {
    return null
  }
}
