/**
 * The last of the writes given for each (segment, contact) pair, in first-seen order: a
 * multi-row statement may touch a row only once, and the last write is the one that stands.
 *
 * @example
 * lastPerPair([{ segmentId: 's', contactId: 'c', dueAt: 'a' }, { segmentId: 's', contactId: 'c', dueAt: null }])
 * // [{ segmentId: 's', contactId: 'c', dueAt: null }]
 */
export function lastPerPair<T extends { segmentId: string; contactId: string }>(writes: readonly T[]): T[] {
  const last = new Map<string, T>()
  for (const write of writes) last.set(`${write.segmentId}\u0000${write.contactId}`, write)
  return [...last.values()]
}
