/**
 * The names of a dot path into event properties (the schema refuses empty names).
 *
 * @example
 * splitPropertyPath('data.items.price') // ['data', 'items', 'price']
 */
export function splitPropertyPath(path: string): string[] {
  return path.split('.')
}

/**
 * Every value at a path. At each step an array is replaced by its elements, so
 * `data.items.price` reaches the price of every item, and a leaf array gives its elements
 * (`tags eq "sale"` holds when any tag is "sale"). One level per step: an array inside an
 * array is a value, not expanded, and matches no comparison but `exists`.
 *
 * @example
 * valuesAtPath({ data: { items: [{ price: 5 }, { price: 60 }] } }, ['data', 'items', 'price']) // [5, 60]
 */
export function valuesAtPath(root: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [root]
  for (const name of path) {
    const next: unknown[] = []
    for (const value of current) {
      if (!isObject(value) || !Object.hasOwn(value, name)) continue
      const child = value[name]
      if (Array.isArray(child)) next.push(...child)
      else next.push(child)
    }
    current = next
  }
  return current
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
