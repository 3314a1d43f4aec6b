import { z } from 'zod'
import { MAX_IDENTIFIER_LENGTH, MAX_MESSAGE_ID_LENGTH } from '../limits.js'

/**
 * A string that names or identifies something. NUL characters are refused: they are never
 * meant, and PostgreSQL's text columns cannot hold them.
 */
export function plainText(whenMissing?: string) {
  return z.string(whenMissing ? { error: whenMissing } : undefined).regex(/^[^\u0000]*$/, 'must not contain NUL (\\u0000) characters')
}

/** A free-form JSON object (`properties`, `traits`, `context`, `integrations`). */
export const jsonObject = z.record(z.string(), z.unknown())

/**
 * An identifier as clients send it: a string, or a number some server libraries emit
 * for database ids. Numbers are turned into strings so `42` and `"42"` are one user.
 */
export const identifier = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .pipe(plainText().max(MAX_IDENTIFIER_LENGTH, `must be at most ${MAX_IDENTIFIER_LENGTH} characters`))

export const messageId = plainText()
  .min(1, 'must not be empty')
  .max(MAX_MESSAGE_ID_LENGTH, `must be at most ${MAX_MESSAGE_ID_LENGTH} characters`)

/** An ISO-8601 date-time (what `Date.prototype.toJSON` produces); other parseable dates are accepted too. */
export const dateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z')
