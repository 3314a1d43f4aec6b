import type { Database } from 'better-sqlite3'
import type { SegmentCheckWrite } from '../../../segments/stored-segment.js'
import { scheduleSegmentCheck } from './schedule-segment-check.js'

/**
 * `scheduleSegmentCheck` for many pairs at once, in order. In-process, a prepared
 * statement per pair costs no round trip.
 *
 * @example
 * scheduleSegmentChecks(db, { checks: [{ segmentId: 'seg_1', contactId: 'c_1', dueAt: null }] })
 */
export function scheduleSegmentChecks(db: Database, { checks }: { checks: readonly SegmentCheckWrite[] }): void {
  for (const check of checks) scheduleSegmentCheck(db, check)
}
