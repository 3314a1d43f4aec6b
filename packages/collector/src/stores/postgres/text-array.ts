import type { TransactionSql } from 'postgres'

/**
 * A text[] parameter (oid 25), whatever the first element looks like.
 *
 * @example
 * sql`SELECT * FROM unnest(${texts(sql, ids)}::text[])`
 */
export function texts(sql: TransactionSql, values: readonly (string | null)[]) {
  return sql.array(values as string[], 25)
}
