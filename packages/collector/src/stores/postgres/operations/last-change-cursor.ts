import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import { feedHorizon } from '../feed-horizon.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Where reading the feed on from `after` would end now, without reading the changes: the
 * cursor of the last one after `after` below the same horizon as `readChanges` (so it
 * never passes a change still to commit), else `after` itself.
 *
 * @example
 * await lastChangeCursor(handle, { after: await lockConsumerCursor(handle, { name: 'segments' }) })
 */
export async function lastChangeCursor(
  { sql, pipeline, feedKey }: PostgresHandle,
  { after }: { after: string | null },
): Promise<string | null> {
  const from = after === null ? { xid: '0', seq: 0 } : decodeChangeCursor(after)
  const [last] = await pipeline.read(sql<{ xid: string; seq: string }[]>`
    ${feedHorizon(sql, feedKey)}
    SELECT c.xid::text AS xid, c.seq FROM changes c, horizon h
    WHERE (c.xid, c.seq) > (${from.xid}::text::xid8, ${from.seq}::bigint) AND c.xid < h.xid
    ORDER BY c.xid DESC, c.seq DESC LIMIT 1`)
  return last === undefined ? after : encodeChangeCursor({ xid: last.xid, seq: Number(last.seq) })
}
