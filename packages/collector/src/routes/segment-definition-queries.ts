import { z } from 'zod'
import { plainText } from '@sillage/protocol'

/** Query string of `GET /v1/segments/:id/contacts`. */
export const segmentMembersQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: plainText().min(1).max(512).optional(),
})

/** Query string of `GET /v1/segments/:id/explain`. */
export const segmentExplainQuerySchema = z.object({
  contactId: plainText('is required: the id of the contact to explain').min(1, 'must not be empty').max(255),
})

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
