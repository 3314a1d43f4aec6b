import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Saves how far a consumer got, in the transaction of the consumer's own writes.
 *
 * @example
 * saveConsumerCursor(handle, { name: 'segments', cursor: page.nextCursor })
 */
export function saveConsumerCursor(
  { sql, pipeline }: PostgresHandle,
  { name, cursor }: { name: string; cursor: string },
): void {
  pipeline.send(sql`
    INSERT INTO consumer_cursors (name, cursor) VALUES (${name}, ${cursor})
    ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor`)
}
