import type { CandidateInstant } from './sql/compile-next-change-sql.js'

/**
 * The earliest of a contact's candidate instants (as the database read them, in the
 * order compiled, NULL where there is none) once their lengths are added, after `now`;
 * null when there is none: what `nextChangeAt` answers from the same history.
 *
 * @example
 * earliestChangeAfter(now, candidates, [lastLogin, null]) // lastLogin + 14 days, when after now
 */
export function earliestChangeAfter(
  now: Date,
  candidates: readonly CandidateInstant[],
  instants: readonly (string | Date | null)[],
): Date | null {
  let earliest = Number.POSITIVE_INFINITY
  for (const [index, instant] of instants.entries()) {
    if (instant === null) continue
    const at = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + candidates[index]!.laterByMs
    if (at > now.getTime() && at < earliest) earliest = at
  }
  return Number.isFinite(earliest) ? new Date(earliest) : null
}
