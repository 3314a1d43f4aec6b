import type { ContactDetail, EventSummary } from '@sillage/protocol'
import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * The contacts these ids resolve to (each itself or the survivor of a merge), as this
 * transaction sees them, once each; ids of no contact (erased, never stored) are left out.
 *
 * @example
 * readContacts(db, { ids: ['c_1', 'c_merged_into_1'] }) // [{ id: 'c_1', mergedFrom: ['c_merged_into_1'], … }]
 */
export function readContacts(db: Database, { ids }: { ids: readonly string[] }): ContactDetail[] {
  const resolve = prepared<[string, string], string>(
    db,
    'SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ?), ?)',
  ).pluck()
  const contact = prepared<
    [string],
    { id: string; userId: string | null; email: string | null; createdAt: string; updatedAt: string }
  >(
    db,
    'SELECT id, user_id AS userId, email, created_at AS createdAt, updated_at AS updatedAt FROM contacts WHERE id = ?',
  )
  const anonymousIds = prepared<[string], string>(
    db,
    'SELECT anonymous_id FROM anonymous_ids WHERE contact_id = ? ORDER BY anonymous_id',
  ).pluck()
  const mergedFrom = prepared<[string], string>(
    db,
    'SELECT merged_id FROM contact_merges WHERE into_id = ? ORDER BY merged_id',
  ).pluck()
  const attributes = prepared<[string], { key: string; value: string }>(
    db,
    'SELECT key, value FROM contact_attributes WHERE contact_id = ? ORDER BY key',
  )
  const summaries = prepared<[string], EventSummary>(
    db,
    'SELECT name, count, first, last FROM event_summaries WHERE contact_id = ? ORDER BY name',
  )
  const found: ContactDetail[] = []
  for (const id of new Set(ids.map((asked) => resolve.get(asked, asked)!))) {
    const row = contact.get(id)
    if (row === undefined) continue
    found.push({
      ...row,
      anonymousIds: anonymousIds.all(id),
      attributes: Object.fromEntries(attributes.all(id).map(({ key, value }) => [key, JSON.parse(value)])),
      mergedFrom: mergedFrom.all(id),
      summaries: summaries.all(id),
    })
  }
  return found
}
