import { randomBytes } from 'node:crypto'

const PREFIX = 'whsec_'

/** Random bytes in a new secret: within the 24–64 that Standard Webhooks asks for. */
const SECRET_BYTES = 32

/**
 * A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32
 * random bytes, which receivers' libraries decode into the HMAC key.
 *
 * @example
 * generateWebhookSecret() // 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw…'
 */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString('base64')
}

/**
 * The HMAC key of a `whsec_` secret. Throws when the secret is not one, without
 * repeating it: the message may end up in a log.
 *
 * @example
 * webhookSecretKey(generateWebhookSecret()).length // 32
 */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : ''
  const key = Buffer.from(encoded, 'base64')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length < 24 || key.length > 64) {
    throw new Error('A webhook secret must be "whsec_" followed by the base64 of 24 to 64 bytes')
  }
  return key
}
