import type { ContactDetail } from '@sillage/protocol'
import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'

interface ContactRow {
  id: string
  userId: string | null
  email: string | null
  createdAt: Date
  updatedAt: Date
  anonymousIds: string[]
  mergedFrom: string[]
  attributes: ContactDetail['attributes']
  summaries: Array<{ name: string; count: number; first: string; last: string }>
}

/**
 * The contacts these ids resolve to (each itself or the survivor of a merge), as this
 * transaction sees them, once each; ids of no contact (erased, never stored) are left out.
 * One statement for a page of ids: each contact's identifiers, attributes and summaries
 * are correlated subqueries on their contact index.
 *
 * @example
 * await readContacts(handle, { ids: ['c_1', 'c_merged_into_1'] })
 * // [{ id: 'c_1', mergedFrom: ['c_merged_into_1'], … }]
 */
export async function readContacts(
  { sql, pipeline }: PostgresHandle,
  { ids }: { ids: readonly string[] },
): Promise<ContactDetail[]> {
  if (ids.length === 0) return []
  const rows = await pipeline.read(sql<ContactRow[]>`
    WITH resolved AS (
      SELECT DISTINCT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = asked.id), asked.id) AS id
      FROM unnest(${texts(sql, ids)}::text[]) AS asked (id)
    )
    SELECT c.id, c.user_id AS "userId", c.email, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
      ARRAY(SELECT anonymous_id FROM anonymous_ids WHERE contact_id = c.id ORDER BY anonymous_id) AS "anonymousIds",
      ARRAY(SELECT merged_id FROM contact_merges WHERE into_id = c.id ORDER BY merged_id) AS "mergedFrom",
      (SELECT coalesce(json_object_agg(key, value ORDER BY key), '{}') FROM contact_attributes
        WHERE contact_id = c.id) AS attributes,
      (SELECT coalesce(json_agg(json_build_object('name', name, 'count', count, 'first', first, 'last', last)
        ORDER BY name), '[]') FROM event_summaries WHERE contact_id = c.id) AS summaries
    FROM resolved JOIN contacts c ON c.id = resolved.id`)
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // json_build_object writes timestamps as PostgreSQL prints them: back to the API's ISO form.
    summaries: row.summaries.map(({ first, last, ...summary }) => ({
      ...summary,
      first: new Date(first).toISOString(),
      last: new Date(last).toISOString(),
    })),
  }))
}
