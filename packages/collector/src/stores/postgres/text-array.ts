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

/**
 * One column of `rows` as a text[] parameter: what a multi-row statement unnests.
 *
 * @example
 * sql`SELECT * FROM unnest(${textColumn(sql, checks, (check) => check.segmentId)}::text[])`
 */
export function textColumn<T>(sql: TransactionSql, rows: readonly T[], pick: (row: T) => string | null) {
  return texts(sql, rows.map(pick))
}
