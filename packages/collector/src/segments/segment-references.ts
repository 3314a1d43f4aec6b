import type { SegmentCondition } from '@sillage/protocol'

/**
 * The ids of the segments a condition uses (`{"segment": id}`), each once, in order.
 *
 * @example
 * segmentReferences({ all: [{ segment: 'a' }, { not: { segment: 'b' } }] }) // ['a', 'b']
 */
export function segmentReferences(condition: SegmentCondition): string[] {
  const found = new Set<string>()
  const pending: SegmentCondition[] = [condition]
  while (pending.length > 0) {
    const next = pending.pop()!
    if ('all' in next) pending.push(...[...next.all].reverse())
    else if ('any' in next) pending.push(...[...next.any].reverse())
    else if ('not' in next) pending.push(next.not)
    else if ('segment' in next) found.add(next.segment)
  }
  return [...found]
}

/**
 * A chain of segment ids that leads from `segmentId` back to itself, or null. For a
 * definition being saved, pass a lookup that answers its new `match`; a cycle there is
 * refused (membership of a segment that depends on itself has no meaning).
 *
 * @example
 * findSegmentCycle('a', (id) => ({ a: { segment: 'b' }, b: { segment: 'a' } })[id]) // ['a', 'b', 'a']
 */
export function findSegmentCycle(
  segmentId: string,
  matchOf: (id: string) => SegmentCondition | undefined,
): string[] | null {
  const visit = (id: string, chain: string[]): string[] | null => {
    const match = matchOf(id)
    if (match === undefined) return null
    for (const reference of segmentReferences(match)) {
      if (reference === segmentId) return [...chain, reference]
      if (chain.includes(reference)) continue
      const cycle = visit(reference, [...chain, reference])
      if (cycle !== null) return cycle
    }
    return null
  }
  return visit(segmentId, [segmentId])
}
