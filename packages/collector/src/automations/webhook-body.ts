import { renderTemplate } from './render-template.js'
import type { TemplateContext } from './template-context.js'

export interface WebhookBodyOptions {
  /** The step's `payload`; when there is none, the standard body is sent. */
  payload?: unknown
  context: TemplateContext
  automation: { id: string; name: string }
  run: { id: string }
  /** When the message was made: the same for every attempt of it. */
  createdAt: Date
}

/**
 * The JSON text a webhook step posts: its `payload` rendered for the run, or by default
 * `{"type": "automation.webhook", "timestamp", "data": {automation, run, contact, trigger}}`.
 * Rendered once per message, so every attempt sends (and signs) the same bytes.
 *
 * @example
 * webhookBody({ context, automation: { id: 'au_1', name: 'Abandoned cart' }, run: { id: 'run_1' }, createdAt })
 * // '{"type":"automation.webhook","timestamp":"2026-12-04T03:00:00.000Z","data":{…}}'
 */
export function webhookBody({ payload, context, automation, run, createdAt }: WebhookBodyOptions): string {
  if (payload !== undefined) return JSON.stringify(renderTemplate(payload, context))
  return JSON.stringify({
    type: 'automation.webhook',
    timestamp: createdAt.toISOString(),
    data: { automation, run, contact: context.contact, trigger: context.trigger },
  })
}
