import type { SegmentCondition } from '@sillage/protocol'

/**
 * The condition at an explanation's path (`match.all.1.not`) inside a segment's `match`,
 * or undefined when the path leads nowhere.
 *
 * @example
 * conditionAt({ all: [{ event: 'a' }, { not: { event: 'b' } }] }, 'match.all.1.not') // { event: 'b' }
 */
export function conditionAt(match: SegmentCondition, path: string): SegmentCondition | undefined {
  let node: unknown = match
  for (const step of path.split('.').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[step]
  }
  return node as SegmentCondition | undefined
}

/**
 * A condition in one line: a group by what it asks of its children, anything else as
 * its own compact JSON (it is what the person wrote, so they recognise it).
 *
 * @example
 * conditionLine({ all: [a, b] }) // 'all of these 2'
 */
export function conditionLine(condition: SegmentCondition | undefined): string {
  if (condition === undefined) return '?'
  if ('all' in condition) return `all of these ${condition.all.length}`
  if ('any' in condition) return `any of these ${condition.any.length}`
  if ('not' in condition) return 'not this one'
  return JSON.stringify(condition)
}
