import { z } from 'zod'
import { plainText } from '@sillage/protocol'
import type { AutomationRecord } from '../automations/records/automation-record.js'
import { ApiError } from '../errors/api-error.js'

/** `?limit&cursor` of the automation, run, endpoint and delivery lists. */
export const recordPageQuery = {
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100)
    .meta({ description: 'Page size, newest first' }),
  cursor: plainText().min(1).max(512).optional().meta({ description: 'nextCursor of the previous page' }),
}

/** Where a page of records ends, opaque to callers: the last record's time and id. */
const cursorSchema = z.tuple([z.string().max(40), z.string().max(200)])

/**
 * The records a page query asks the store for: one more than the page, to tell whether
 * another page follows. A cursor that was not made here is a 400.
 *
 * @example
 * const records = await tx.findRecords({ kind: 'delivery', ...recordPageRequest(query) })
 */
export function recordPageRequest({ limit, cursor }: { limit: number; cursor?: string | undefined }): {
  limit: number
  after?: { createdAt: string; id: string }
} {
  if (cursor === undefined) return { limit: limit + 1 }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = null
  }
  const result = cursorSchema.safeParse(parsed)
  if (!result.success) {
    throw new ApiError(400, 'invalid_query', 'Invalid query: cursor: pass the nextCursor of an earlier page unchanged')
  }
  const [createdAt, id] = result.data
  return { limit: limit + 1, after: { createdAt, id } }
}

/**
 * The page a `recordPageRequest` read gives, and the cursor of the next one (null on the last).
 *
 * @example
 * const { records, nextCursor } = recordPage(found, query.limit)
 */
export function recordPage(
  found: AutomationRecord[],
  limit: number,
): { records: AutomationRecord[]; nextCursor: string | null } {
  if (found.length <= limit) return { records: found, nextCursor: null }
  const records = found.slice(0, limit)
  const last = records.at(-1)!
  return { records, nextCursor: Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url') }
}
