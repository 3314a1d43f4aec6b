import type { Database } from 'better-sqlite3'
import type { JsonObject } from '@sillage/protocol'
import { prepared } from '../prepared.js'

/**
 * Per key, keeps the value whose timestamp is the latest (ties: the one written last).
 *
 * @example
 * setAttributes(db, { contactId, attributes: { plan: 'pro' }, timestamp: event.timestamp })
 */
export function setAttributes(
  db: Database,
  { contactId, attributes, timestamp }: { contactId: string; attributes: JsonObject; timestamp: string },
): void {
  const set = prepared<[string, string, string, string]>(
    db,
    `INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
     WHERE excluded.updated_at >= contact_attributes.updated_at`,
  )
  for (const [key, value] of Object.entries(attributes)) set.run(contactId, key, JSON.stringify(value), timestamp)
}
