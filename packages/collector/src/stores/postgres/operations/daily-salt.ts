import type { PostgresHandle } from '../postgres-handle.js'

/**
 * The cookieless salt of `day`: `candidate` becomes it when the day has none yet, and
 * every earlier day's salt is deleted. When collectors race, the upsert makes the loser
 * wait for the winner's commit and return the winner's salt: all of them hash alike.
 *
 * @example
 * await dailySalt(handle, { day: '2024-05-01', candidate: randomBytes(32).toString('base64url') })
 */
export async function dailySalt(
  { sql, pipeline }: PostgresHandle,
  { day, candidate }: { day: string; candidate: string },
): Promise<string> {
  pipeline.send(sql`DELETE FROM daily_salts WHERE day < ${day}::date`)
  const [row] = await pipeline.read(sql<{ salt: string }[]>`
    INSERT INTO daily_salts (day, salt) VALUES (${day}::date, ${candidate})
    ON CONFLICT (day) DO UPDATE SET salt = daily_salts.salt RETURNING salt`)
  return row!.salt
}
