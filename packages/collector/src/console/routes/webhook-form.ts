import { formatIssues, type WebhookEndpointBody, webhookEndpointBodySchema } from '@sillage/protocol'
import { refusedLiteralAddress } from '../../webhooks/refused-webhook-url.js'
import type { WebhookFormInput } from '../pages/webhooks-page.js'

export type WebhookFormResult =
  | { ok: true; body: WebhookEndpointBody }
  | { ok: false; input: WebhookFormInput; problems: string[] }

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * The new-endpoint form read into what `POST /v1/webhooks` takes (headers typed one per
 * line as `Name: value`), checked by the same schema and address rule, or its problems.
 * The input kept for a refused form leaves the header values out: they are never shown back.
 *
 * @example
 * const result = readWebhookForm(await c.req.parseBody(), { allowPrivate: false })
 */
export function readWebhookForm(form: Record<string, unknown>, options: { allowPrivate: boolean }): WebhookFormResult {
  const input = { url: text(form.url).trim(), description: text(form.description).trim() }
  const headers: Record<string, string> = {}
  const problems: string[] = []
  text(form.headers)
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return
      const colon = line.indexOf(':')
      if (colon < 1) problems.push(`headers: line ${index + 1} is not "Name: value"`)
      else
        Object.defineProperty(headers, line.slice(0, colon).trim(), {
          value: line.slice(colon + 1).trim(),
          enumerable: true,
        })
    })
  const result = webhookEndpointBodySchema.safeParse({
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  })
  if (!result.success) problems.push(...formatIssues(result.error.issues))
  if (problems.length > 0 || !result.success) return { ok: false, input, problems }
  const refusal = options.allowPrivate ? null : refusedLiteralAddress(new URL(result.data.url))
  if (refusal) return { ok: false, input, problems: [`url: ${refusal}`] }
  return { ok: true, body: result.data }
}
