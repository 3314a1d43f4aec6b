import type { PostgresHandle } from '../postgres-handle.js'

/**
 * A consumer's saved cursor (null: never saved), its row locked until commit so that two
 * collectors never handle the same changes: the second waits, then reads the first's
 * cursor. The row is created on first use, so there is always a row to lock.
 *
 * @example
 * await lockConsumerCursor(handle, { name: 'segments' })
 */
export async function lockConsumerCursor(
  { sql, pipeline }: PostgresHandle,
  { name }: { name: string },
): Promise<string | null> {
  pipeline.send(sql`INSERT INTO consumer_cursors (name, cursor) VALUES (${name}, '') ON CONFLICT (name) DO NOTHING`)
  const [row] = await pipeline.read(
    sql<{ cursor: string }[]>`SELECT cursor FROM consumer_cursors WHERE name = ${name} FOR UPDATE`,
  )
  return row === undefined || row.cursor === '' ? null : row.cursor
}
