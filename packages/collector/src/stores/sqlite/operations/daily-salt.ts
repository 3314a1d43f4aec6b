import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * The cookieless salt of `day`: `candidate` becomes it when the day has none yet, and
 * every earlier day's salt is deleted, so a past day's ids can no longer be recomputed.
 *
 * @example
 * dailySalt(db, { day: '2024-05-01', candidate: randomBytes(32).toString('base64url') })
 */
export function dailySalt(db: Database, { day, candidate }: { day: string; candidate: string }): string {
  prepared<[string]>(db, 'DELETE FROM daily_salts WHERE day < ?').run(day)
  prepared<[string, string]>(db, 'INSERT INTO daily_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING').run(
    day,
    candidate,
  )
  return prepared<[string], string>(db, 'SELECT salt FROM daily_salts WHERE day = ?').pluck().get(day)!
}
