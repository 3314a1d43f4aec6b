import type { JsonObject } from '@sillage/protocol'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Per key, keeps the value whose timestamp is the latest (ties: the one written last).
 * JSON goes as text and is cast by the server (see insert-events.ts).
 *
 * @example
 * setAttributes(handle, { contactId, attributes: { plan: 'pro' }, timestamp })
 */
export function setAttributes(
  { sql, pipeline }: PostgresHandle,
  { contactId, attributes, timestamp }: { contactId: string; attributes: JsonObject; timestamp: string },
): void {
  for (const [key, value] of Object.entries(attributes)) {
    pipeline.send(sql`
      INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (${contactId}, ${key}, ${JSON.stringify(value)}::text::json, ${timestamp})
      ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= contact_attributes.updated_at`)
  }
}
