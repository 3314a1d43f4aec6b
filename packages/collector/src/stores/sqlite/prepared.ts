import type { Database, Statement } from 'better-sqlite3'

const cache = new WeakMap<Database, Map<string, Statement>>()

/**
 * The statement for `sql` on this connection, prepared on first use and kept: an
 * operation file states its SQL where it runs it, and pays the preparation once.
 *
 * @example
 * prepared<[string], { id: string }>(db, 'SELECT id FROM contacts WHERE email = ?').get(email)
 */
export function prepared<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Database,
  sql: string,
): Statement<Params, Row> {
  let statements = cache.get(db)
  if (statements === undefined) cache.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)))
  return statement as Statement<Params, Row>
}
