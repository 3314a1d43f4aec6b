import type { NewChange } from '../../../events/change.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { textColumn } from '../text-array.js'

/**
 * Appends feed entries in order, each stamped with this transaction's id (the column's
 * default). Sent unawaited. The store wakes the readers after the commit (in this
 * process at once, the other collectors' through `CommitAnnouncer`).
 *
 * @example
 * appendChanges(handle, { changes: [{ type: 'contact.created', at, contactId, data: {} }] })
 */
export function appendChanges({ sql, pipeline }: PostgresHandle, { changes }: { changes: readonly NewChange[] }): void {
  if (changes.length === 0) return
  const data = `[${changes.map((change) => change.dataJson ?? JSON.stringify(change.data)).join(',')}]`
  pipeline.send(sql`
    INSERT INTO changes (type, at, contact_id, data)
    SELECT type, at::timestamptz, contact_id, data
    FROM ROWS FROM (
      unnest(${textColumn(sql, changes, (c) => c.type)}::text[], ${textColumn(sql, changes, (c) => c.at)}::text[],
        ${textColumn(sql, changes, (c) => c.contactId)}::text[]),
      json_array_elements(${data}::text::json)
    ) WITH ORDINALITY AS batch (type, at, contact_id, data, position)
    ORDER BY position`)
}
