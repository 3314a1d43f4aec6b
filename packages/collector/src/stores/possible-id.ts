/**
 * Whether a store could hold this id at all (PostgreSQL refuses NUL in text, and ids are
 * at most 255 characters): when not, the answer is "none" without asking the store.
 *
 * @example
 * if (!isPossibleId(id)) throw notFound(id)
 */
export function isPossibleId(id: string): boolean {
  return id.length <= 255 && !id.includes('\u0000')
}
