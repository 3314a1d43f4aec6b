import { plainText } from './common.js'

/**
 * Plain text that must be present, not empty, and at most `max` characters long.
 *
 * @example
 * const reason = boundedText({ whenMissing: 'needs a reason, e.g. "converted"', max: 100 })
 */
export function boundedText({ whenMissing, max }: { whenMissing: string; max: number }) {
  return plainText(whenMissing).min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
}
