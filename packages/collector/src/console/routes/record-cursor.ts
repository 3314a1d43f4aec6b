import type { RecordPosition } from '../../automations/records/automation-record.js'
import { InvalidCursorError } from '../../stores/store.js'

/**
 * The opaque `cursor` of a console list of automation records (runs): the last row of the
 * page before, so records added meanwhile go to the top without shifting the later pages.
 *
 * @example
 * encodeRecordCursor({ createdAt: run.startedAt, id: run.id })
 */
export function encodeRecordCursor({ createdAt, id }: RecordPosition): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url')
}

/** @example const before = cursor === undefined ? undefined : decodeRecordCursor(cursor) */
export function decodeRecordCursor(cursor: string): RecordPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [createdAt, id] = decoded as unknown[]
      const validTime = typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt))
      if (validTime && typeof id === 'string' && id.length <= 255 && !id.includes('\u0000')) return { createdAt, id }
    }
  } catch {
    // falls through to the error a user can act on
  }
  throw new InvalidCursorError(cursor)
}
