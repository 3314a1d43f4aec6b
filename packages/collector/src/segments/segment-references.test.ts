import type { SegmentCondition } from '@sillage/protocol'
import { describe, expect, it } from 'vitest'
import { compileSqliteSegmentCondition } from '../stores/sqlite/operations/compile-segment-condition.js'
import { SegmentCycleError } from './sql/compile-condition-sql.js'
import { findSegmentCycle, segmentReferences } from './segment-references.js'

const saved: Record<string, SegmentCondition> = {
  buyers: { event: 'order_completed' },
  loyal: { all: [{ segment: 'buyers' }, { not: { segment: 'churned' } }] },
  churned: { any: [{ segment: 'loyal' }, { event: 'logged_in', last: { before: '30d' } }] },
}
const matchOf = (id: string) => saved[id]

describe('segment references', () => {
  it('lists the segments a condition uses, once each', () => {
    expect(
      segmentReferences({ all: [{ segment: 'a' }, { any: [{ not: { segment: 'b' } }, { segment: 'a' }] }] }),
    ).toEqual(['a', 'b'])
  })

  it('finds the loop through other segments, and none where references end', () => {
    expect(findSegmentCycle('loyal', matchOf)).toEqual(['loyal', 'churned', 'loyal'])
    expect(findSegmentCycle('buyers', matchOf)).toBeNull()
    expect(findSegmentCycle('new', (id) => (id === 'new' ? { segment: 'buyers' } : matchOf(id)))).toBeNull()
  })

  it('refuses to compile a segment that depends on itself, naming the chain', () => {
    expect(() => compileSqliteSegmentCondition(saved.loyal!, { segmentId: 'loyal', matchOf })).toThrow(
      SegmentCycleError,
    )
    expect(() => compileSqliteSegmentCondition(saved.loyal!, { segmentId: 'loyal', matchOf })).toThrow(
      'Segments refer to each other in a loop (loyal → churned → loyal): remove one of the references',
    )
    expect(compileSqliteSegmentCondition({ segment: 'buyers' }, { matchOf }).sql).toContain('EXISTS')
    expect(compileSqliteSegmentCondition({ segment: 'unknown' }, { matchOf }).sql).toBe('FALSE')
  })
})
