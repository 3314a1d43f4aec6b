/** A high surrogate not followed by a low one, or a low surrogate without a high one before it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * The JSON value with every lone surrogate (a `\ud800` escape without its pair, e.g. a
 * title cut in the middle of an emoji) replaced by U+FFFD, in keys and values alike.
 * Stores write UTF-8, which cannot encode a lone surrogate: SQLite would mangle it and
 * PostgreSQL refuse the whole batch. Replacing it at the edge keeps every store, and
 * what is read back, the same. Values without one are returned as they are.
 *
 * @example
 * wellFormedJson({ title: 'Sale \ud83d' }) // { title: 'Sale \ufffd' }
 */
export function wellFormedJson<T>(value: T): T {
  return (hasLoneSurrogate(value) ? rebuild(value) : value) as T
}

/**
 * False when JSON text certainly holds no lone surrogate, so the walk can be skipped: in
 * JSON text from `JSON.stringify` (which escapes every lone surrogate as `\udXXX`, and
 * only those) or from a strict UTF-8 decode (which refuses encoded surrogates), a lone
 * surrogate can only appear as a `\uD800`–`\uDFFF` escape. True may be a false alarm
 * (`\\ud800` is an escaped backslash), which only costs the walk.
 *
 * @example
 * mayHoldLoneSurrogate(JSON.stringify({ title: 'Sale \ud83d' })) // true
 * mayHoldLoneSurrogate(JSON.stringify({ title: 'Sale 😀' }))     // false
 */
export function mayHoldLoneSurrogate(jsonText: string): boolean {
  return surrogateEscape.test(jsonText)
}

const surrogateEscape = /\\u[dD][89a-fA-F]/

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return isIllFormed(value)
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some(hasLoneSurrogate)
  return Object.entries(value).some(([key, child]) => isIllFormed(key) || hasLoneSurrogate(child))
}

function rebuild(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(loneSurrogate, '\ufffd')
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(rebuild)
  // fromEntries defines own properties: a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key.replace(loneSurrogate, '\ufffd'), rebuild(child)]),
  )
}

function isIllFormed(text: string): boolean {
  loneSurrogate.lastIndex = 0
  return loneSurrogate.test(text)
}
