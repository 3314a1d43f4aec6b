import { randomBytes } from 'node:crypto'

/**
 * A new id with a prefix that says what it names (`au_`, `wh_`, `run_`, `dl_`, `tm_`).
 *
 * @example
 * recordId('run') // 'run_8f3k2m…'
 */
export function recordId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}
