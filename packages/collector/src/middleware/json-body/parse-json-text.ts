import { ApiError } from '../../errors/api-error.js'
import { mayHoldLoneSurrogate, wellFormedJson } from '../../normalise/well-formed-json.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Bytes → JSON value, refusing what would trip code further in: invalid UTF-8, and
 * nesting deep enough to overflow the stack of `JSON.stringify` when the event is stored.
 * Lone surrogates (`\ud800` escapes without their pair) become U+FFFD here, once for the
 * whole body, so nothing further in needs to look for them (see `wellFormedJson`).
 */
export function parseJsonText(bytes: Uint8Array, maxDepth: number): unknown {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new ApiError(400, 'invalid_encoding', 'The request body is not valid UTF-8; encode the JSON as UTF-8.')
  }
  if (text.trim() === '') {
    throw new ApiError(400, 'empty_body', 'The request body is empty; send a JSON object such as {"batch": [...]}.')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${reason}).`)
  }
  if (depthExceeds(value, maxDepth)) {
    throw new ApiError(
      400,
      'too_deep',
      `The request body nests objects or arrays deeper than ${maxDepth} levels; flatten it.`,
    )
  }
  return mayHoldLoneSurrogate(text) ? wellFormedJson(value) : value
}

/**
 * Iterative on purpose: recursion is exactly what a hostile body would exploit. Two
 * parallel stacks and index/for-in loops instead of `[value, depth]` pairs and
 * `Object.values`: no allocation per object, on a path every request takes.
 */
function depthExceeds(root: unknown, maxDepth: number): boolean {
  const containers: unknown[] = [root]
  const depths: number[] = [1]
  const visit = (child: unknown, depth: number) => {
    if (child !== null && typeof child === 'object') {
      containers.push(child)
      depths.push(depth)
    }
  }
  while (containers.length > 0) {
    const value = containers.pop()
    const depth = depths.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > maxDepth) return true
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) visit(value[i], depth + 1)
    } else {
      // Parsed JSON: plain objects, own keys only (an own "__proto__" key is read as such).
      for (const key in value) visit((value as Record<string, unknown>)[key], depth + 1)
    }
  }
  return false
}
