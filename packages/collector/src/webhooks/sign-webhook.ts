import { createHmac } from 'node:crypto'
import { webhookSecretKey } from './webhook-secret.js'

/** The three Standard Webhooks headers of one delivery attempt. */
export interface WebhookSignatureHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

export interface SignWebhookOptions {
  /** The message id: the same for every attempt of one message, so receivers can drop repeats. */
  messageId: string
  /** When this attempt is sent; receivers refuse a timestamp too far from their own clock. */
  sentAt: Date
  /** The exact bytes of the body that will be posted. */
  body: string
  /** Every secret in force: one signature each, so a receiver holding any of them verifies. */
  secrets: readonly string[]
}

/**
 * Signs one attempt as Standard Webhooks 1.0 says: `v1,` and the base64 HMAC-SHA256 of
 * `"{id}.{timestamp}.{body}"` under each secret, space-separated.
 *
 * @example
 * signWebhook({ messageId: 'msg_1', sentAt: new Date(), body: '{"a":1}', secrets: [secret] })
 * // { 'webhook-id': 'msg_1', 'webhook-timestamp': '1796353200', 'webhook-signature': 'v1,K5oZ…' }
 */
export function signWebhook({ messageId, sentAt, body, secrets }: SignWebhookOptions): WebhookSignatureHeaders {
  if (secrets.length === 0) throw new Error('A webhook needs at least one secret to be signed with')
  const timestamp = String(Math.floor(sentAt.getTime() / 1000))
  const signed = `${messageId}.${timestamp}.${body}`
  const signatures = secrets.map(
    (secret) => 'v1,' + createHmac('sha256', webhookSecretKey(secret)).update(signed).digest('base64'),
  )
  return { 'webhook-id': messageId, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') }
}
