import { z } from 'zod'
import { MAX_IDENTIFIER_LENGTH, MAX_MESSAGE_ID_LENGTH, MAX_NAME_LENGTH } from '../limits.js'

/**
 * A string that names or identifies something. NUL characters are refused: they are never
 * meant, and PostgreSQL's text columns cannot hold them.
 */
export function plainText(whenMissing?: string) {
  return z
    .string(whenMissing ? { error: whenMissing } : undefined)
    .regex(/^[^\u0000]*$/, 'must not contain NUL (\\u0000) characters')
}

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * A free-form JSON object (`properties`, `traits`, `context`, `integrations`), kept as
 * sent: a `z.record` would rebuild it and silently drop a `__proto__` key.
 */
export const jsonObject = z.custom<Record<string, unknown>>(isJsonObject, { error: 'must be a JSON object' })

/**
 * A JSON object whose keys become contact attribute names (`identify` traits, Brevo
 * `contact_properties`): names are stored and indexed as text, so like other names they
 * are plain text of at most 255 characters.
 */
export const attributesObject = jsonObject.superRefine((attributes, context) => {
  for (const name of Object.keys(attributes)) {
    const problem = attributeNameProblem(name)
    if (problem)
      context.addIssue({
        code: 'custom',
        path: [name.slice(0, 40)],
        message: `attribute name ${problem}; use short plain-text names`,
      })
  }
})

function attributeNameProblem(name: string): string | null {
  if (name.length > MAX_NAME_LENGTH) return `is ${name.length} characters long, the limit is ${MAX_NAME_LENGTH}`
  if (name.includes('\u0000')) return 'must not contain NUL (\\u0000) characters'
  return null
}

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

/**
 * An optional field that may also come as `null`, read as absent: Segment's and
 * RudderStack's APIs accept `"anonymousId": null` next to a userId, and server code
 * passes nulls through (`userId: user?.id ?? null`).
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined)
}
