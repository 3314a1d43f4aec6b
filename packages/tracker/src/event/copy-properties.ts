import type { Warn } from '../warn.js'
import { CLEANED } from './to-json.js'

/**
 * Copies the own enumerable properties of a host-page object into `target`; a getter
 * that throws ends the copy there (with a warning), a non-object `source` is ignored
 * (an array gives its indexes as keys).
 * Values are cleaned later, when the event is serialised.
 *
 * @example
 * copyProperties({ url }, userProperties, warn)
 */
export function copyProperties(target: Record<string, unknown>, source: unknown, warn: Warn): Record<string, unknown> {
  try {
    if (source != null) typeof source == 'object' ? Object.assign(target, source) : warn(CLEANED)
  } catch {
    warn(CLEANED)
  }
  return target
}
