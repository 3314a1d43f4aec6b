import type { SegmentCondition } from '@sillage/protocol'

/** What a condition reads: the event names, the attribute names, whether time alone can change it. */
export interface ConditionNames {
  events: Set<string>
  attributes: Set<string>
  /** It has a sliding window or a first/last bound: membership can change with no new data. */
  timeDependent: boolean
}

/**
 * The event and attribute names a condition reads (not those of the segments it refers
 * to: their entering and leaving re-evaluates it), so that a change re-evaluates only
 * the segments that can notice it.
 *
 * @example
 * conditionNames({ all: [{ event: 'order_completed', within: '30d' }, { attribute: 'country', eq: 'FR' }] })
 * // { events: Set { 'order_completed' }, attributes: Set { 'country' }, timeDependent: true }
 */
export function conditionNames(match: SegmentCondition): ConditionNames {
  const names: ConditionNames = { events: new Set(), attributes: new Set(), timeDependent: false }
  const pending: SegmentCondition[] = [match]
  while (pending.length > 0) {
    const next = pending.pop()!
    if ('all' in next) pending.push(...next.all)
    else if ('any' in next) pending.push(...next.any)
    else if ('not' in next) pending.push(next.not)
    else if ('event' in next) {
      names.events.add(next.event)
      if (next.within !== undefined || next.first !== undefined || next.last !== undefined) names.timeDependent = true
    } else if ('sequence' in next) {
      for (const step of next.sequence) names.events.add(step.event)
      if (next.within !== undefined) names.timeDependent = true
    } else if ('attribute' in next) names.attributes.add(next.attribute)
  }
  return names
}
