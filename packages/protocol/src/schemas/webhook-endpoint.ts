import { z } from 'zod'
import { plainText } from './common.js'

/** Longest endpoint URL. */
export const MAX_WEBHOOK_URL_LENGTH = 2048

/** Most headers of its own an endpoint may add to each delivery. */
export const MAX_WEBHOOK_HEADERS = 20

/** Headers each delivery sets itself: an endpoint's own headers may not replace them. */
export const RESERVED_WEBHOOK_HEADERS = [
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'host',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]

/** An endpoint id as the collector makes them: `wh_` and letters, digits, `_` or `-`. */
export const webhookEndpointIdSchema = z
  .string({ error: 'needs the id of a webhook endpoint, such as "wh_4f9c…" (POST /v1/webhooks gives one)' })
  .regex(/^wh_[A-Za-z0-9_-]{1,64}$/, 'must be a webhook endpoint id such as "wh_4f9c…" (POST /v1/webhooks gives one)')

const webhookUrl = z
  .string({ error: 'needs the URL deliveries are posted to, e.g. "https://example.com/hooks/sillage"' })
  .max(MAX_WEBHOOK_URL_LENGTH, `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .superRefine((text, context) => {
    const problem = webhookUrlProblem(text)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

function webhookUrlProblem(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `"${text.slice(0, 80)}" is not a URL: write it in full, e.g. "https://example.com/hooks/sillage"`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be an http or https URL, not ${url.protocol}`
  if (url.username || url.password) {
    return 'must not carry a user name or password: send credentials in "headers" instead'
  }
  if (url.hash) return 'must not have a #fragment, which is never sent'
  return null
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/

// A custom check rather than z.record: a record is rebuilt key by key, and a "__proto__" key would be lost.
const webhookHeaders = z
  .custom<Record<string, string>>(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
    'must be an object of header names and string values, e.g. {"api-key": "…"}',
  )
  .superRefine((headers, context) => {
    const names = Object.keys(headers)
    if (names.length > MAX_WEBHOOK_HEADERS) {
      context.addIssue({ code: 'custom', message: `may set at most ${MAX_WEBHOOK_HEADERS} headers` })
    }
    for (const name of names) {
      const problem = headerProblem(name, headers[name])
      if (problem) context.addIssue({ code: 'custom', path: [name.slice(0, 100)], message: problem })
    }
  })

function headerProblem(name: string, value: unknown): string | null {
  if (!HEADER_NAME.test(name)) return 'is not a valid header name: use letters, digits and "-"'
  if (RESERVED_WEBHOOK_HEADERS.includes(name.toLowerCase())) {
    return 'is set by every delivery itself and cannot be replaced'
  }
  if (typeof value !== 'string') return 'must be a string'
  if (value.length > 4096) return 'must be at most 4096 characters'
  if (/[\r\n\u0000]/.test(value)) return 'must not contain line breaks or NUL characters'
  return null
}

/** What `POST /v1/webhooks` takes: where to deliver, a note, and headers of the receiver's own (e.g. `api-key`). */
export const webhookEndpointBodySchema = z.strictObject({
  url: webhookUrl,
  description: plainText('must be a string').max(1000, 'must be at most 1000 characters').optional(),
  headers: webhookHeaders.optional(),
})

/**
 * What `PATCH /v1/webhooks/:id` takes: any of the endpoint's fields, the others kept; `enabled`
 * turns deliveries back on after a 410 (or off); `description: null` removes the note; `headers`
 * replace all of them. The secret changes only by rotation.
 */
export const webhookEndpointChangeSchema = z
  .strictObject({
    url: webhookUrl.optional(),
    description: plainText('must be a string or null')
      .max(1000, 'must be at most 1000 characters')
      .nullable()
      .optional(),
    headers: webhookHeaders.optional(),
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'needs at least one of url, description, headers, enabled')

export type WebhookEndpointChange = z.output<typeof webhookEndpointChangeSchema>

export type WebhookEndpointBodyInput = z.input<typeof webhookEndpointBodySchema>
export type WebhookEndpointBody = z.output<typeof webhookEndpointBodySchema>

/** A webhook endpoint as the API returns it; `secret` is shown when it is made or rotated. */
export interface WebhookEndpoint {
  id: string
  url: string
  description: string | null
  headers: Record<string, string>
  secret: string
  enabled: boolean
}
