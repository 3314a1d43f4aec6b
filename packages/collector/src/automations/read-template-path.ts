import { parseTemplatePath } from '@sillage/protocol'

const ARRAY_INDEX = /^(0|[1-9]\d{0,8})$/

const isPlainObject = (value: unknown): value is object => {
  if (value === null || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * One step down: an own data property of a plain object, or an item of an array. Only
 * own data is read (never the prototype chain, never a getter), so `__proto__`,
 * `constructor` or `toString` find nothing unless the data itself has such a key.
 */
function child(parent: unknown, segment: string): unknown {
  if (Array.isArray(parent)) return ARRAY_INDEX.test(segment) ? parent[Number(segment)] : undefined
  if (!isPlainObject(parent)) return undefined
  const descriptor = Object.getOwnPropertyDescriptor(parent, segment)
  return descriptor && 'value' in descriptor ? descriptor.value : undefined
}

const isJsonLeaf = (value: unknown) =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value))

/**
 * The value at a template path in `context`, or null when the path is not one a
 * template may read or leads nowhere.
 *
 * @example
 * readTemplatePath({ contact: { email: 'a@example.com' } }, 'contact.email') // 'a@example.com'
 * readTemplatePath({ contact: {} }, 'contact.constructor') // null
 */
export function readTemplatePath(context: object, path: string): unknown {
  const parsed = parseTemplatePath(path)
  if ('problem' in parsed) return null
  let value: unknown = context
  for (const segment of parsed.segments) {
    value = child(value, segment)
    if (value === undefined) return null
  }
  return isJsonLeaf(value) || Array.isArray(value) || isPlainObject(value) ? value : null
}
