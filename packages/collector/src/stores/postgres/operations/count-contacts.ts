import type { Sql } from 'postgres'
import type { ContactCounts } from '../../../contacts/contact-counts.js'

/**
 * How many contacts there are, identified (a userId or an email) and anonymous.
 *
 * @example
 * await countContacts(sql) // { identified: 12, anonymous: 340 }
 */
export async function countContacts(sql: Sql): Promise<ContactCounts> {
  const [row] = await sql<{ identified: string; anonymous: string }[]>`
    SELECT count(*) FILTER (WHERE user_id IS NOT NULL OR email IS NOT NULL) AS identified,
      count(*) FILTER (WHERE user_id IS NULL AND email IS NULL) AS anonymous FROM contacts`
  return { identified: Number(row!.identified), anonymous: Number(row!.anonymous) }
}
