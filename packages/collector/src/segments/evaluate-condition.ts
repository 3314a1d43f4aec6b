import type { SegmentCondition } from '@sillage/protocol'
import { attributeValues } from './attribute-values.js'
import { comparisonOf } from './comparison-of.js'
import { evaluateEventCondition } from './evaluate-event-condition.js'
import { evaluateSequence } from './evaluate-sequence.js'
import { matchesComparison } from './matches-comparison.js'
import type { MembershipInput } from './membership-input.js'
import { seenEvents, type SeenEvent } from './seen-events.js'
import { readsSummary, summaryOccurrences } from './summary-occurrences.js'

/** Why one condition of a match holds or not, at its path (`match.all.0`, `match.any.1.not`). */
export interface ConditionExplanation {
  path: string
  holds: boolean
  evidence: Record<string, unknown>
}

export interface MembershipExplanation {
  member: boolean
  /** Every condition of the match, outermost first. */
  conditions: ConditionExplanation[]
}

/**
 * The definition of segment membership: whether the contact matches the condition at
 * `input.now`, seeing only the events that happened by then.
 *
 * @example
 * const match = { event: 'order_completed', count: { gte: 2 }, within: '30d' }
 * evaluateCondition(match, { contact, events, now: new Date() })
 */
export function evaluateCondition(match: SegmentCondition, input: MembershipInput): boolean {
  return explainCondition(match, input).member
}

/**
 * Membership and the evidence for each condition: counts, first and last times, the
 * events that decided, the attribute values found.
 *
 * @example
 * explainCondition({ not: { event: 'logged_in', within: '14d' } }, input).conditions[1]
 * // { path: 'match.not', holds: false, evidence: { count: 1, first: '…', last: '…', eventIds: ['m1'] } }
 */
export function explainCondition(match: SegmentCondition, input: MembershipInput): MembershipExplanation {
  const conditions: ConditionExplanation[] = []
  const member = explain(match, 'match', { input, events: seenEvents(input.events, input.now), conditions })
  return { member, conditions }
}

interface Walk {
  input: MembershipInput
  events: readonly SeenEvent[]
  conditions: ConditionExplanation[]
}

function explain(condition: SegmentCondition, path: string, walk: Walk): boolean {
  const entry: ConditionExplanation = { path, holds: false, evidence: {} }
  walk.conditions.push(entry)
  const { holds, evidence } = judge(condition, path, walk)
  entry.holds = holds
  entry.evidence = evidence
  return holds
}

function judge(
  condition: SegmentCondition,
  path: string,
  walk: Walk,
): { holds: boolean; evidence: Record<string, unknown> } {
  if ('all' in condition) {
    const results = condition.all.map((child, index) => explain(child, `${path}.all.${index}`, walk))
    return { holds: results.every(Boolean), evidence: { holding: results.filter(Boolean).length, of: results.length } }
  }
  if ('any' in condition) {
    const results = condition.any.map((child, index) => explain(child, `${path}.any.${index}`, walk))
    return { holds: results.some(Boolean), evidence: { holding: results.filter(Boolean).length, of: results.length } }
  }
  if ('not' in condition) return { holds: !explain(condition.not, `${path}.not`, walk), evidence: {} }
  if ('event' in condition) {
    const { summaries, now } = walk.input
    const summary =
      summaries !== undefined && readsSummary(condition)
        ? summaryOccurrences(
            summaries.find((candidate) => candidate.name === condition.event),
            now,
          )
        : null
    return evaluateEventCondition(condition, walk.events, now, summary)
  }
  if ('sequence' in condition) return evaluateSequence(condition, walk.events, walk.input.now)
  if ('attribute' in condition) {
    const values = attributeValues(walk.input.contact, condition.attribute)
    return { holds: matchesComparison(values, comparisonOf(condition)), evidence: { values } }
  }
  const member = walk.input.isMemberOf?.(condition.segment) ?? false
  return { holds: member, evidence: { member } }
}
