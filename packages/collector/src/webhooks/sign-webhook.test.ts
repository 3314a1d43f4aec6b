import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { signWebhook } from './sign-webhook.js'
import { rotateSigningSecrets, signingSecretsAt, type SigningSecret } from './signing-secrets.js'
import { generateWebhookSecret, webhookSecretKey } from './webhook-secret.js'

const HOUR = 3_600_000
const body = JSON.stringify({ type: 'automation.webhook', data: { contact: { id: 'c_1' } } })

/** What a receiver does with the standardwebhooks library: the parsed body, or the reason it refused. */
function receive(secret: string, headers: Record<string, string>, received = body): unknown {
  try {
    return new Webhook(secret).verify(received, headers)
  } catch (error) {
    if (error instanceof WebhookVerificationError) return `refused: ${error.message}`
    throw error
  }
}

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets holding 32 random bytes', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateWebhookSecret))
    expect(secrets.size).toBe(50)
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      expect(webhookSecretKey(secret)).toHaveLength(32)
    }
  })

  it('refuses a secret that is not one', () => {
    const notSecrets = ['whsec_', 'whsec_c2hvcnQ=', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_not base64 at all!!']
    for (const bad of notSecrets) {
      expect(() => webhookSecretKey(bad)).toThrow('must be "whsec_" followed by the base64 of 24 to 64 bytes')
    }
  })
})

describe('signWebhook', () => {
  it('matches the Standard Webhooks reference example byte for byte', () => {
    const headers = signWebhook({
      messageId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      sentAt: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
      secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    })
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    })
  })

  it('is verified by the standardwebhooks library, which refuses a changed body, id or timestamp', () => {
    const secret = generateWebhookSecret()
    const headers = { ...signWebhook({ messageId: 'msg_1', sentAt: new Date(), body, secrets: [secret] }) }
    expect(receive(secret, headers)).toEqual(JSON.parse(body))
    expect(receive(secret, headers, body.replace('c_1', 'c_2'))).toBe('refused: No matching signature found')
    expect(receive(secret, { ...headers, 'webhook-id': 'msg_2' })).toBe('refused: No matching signature found')
    const later = String(Number(headers['webhook-timestamp']) + 1)
    expect(receive(secret, { ...headers, 'webhook-timestamp': later })).toBe('refused: No matching signature found')
    expect(receive(generateWebhookSecret(), headers)).toBe('refused: No matching signature found')
  })

  it('signs the exact bytes sent, non-ASCII text included', () => {
    const secret = generateWebhookSecret()
    const text = JSON.stringify({ name: 'Zoë 🚲', note: 'naïve café' })
    const headers = { ...signWebhook({ messageId: 'msg_u', sentAt: new Date(), body: text, secrets: [secret] }) }
    expect(receive(secret, headers, text)).toEqual(JSON.parse(text))
  })
})

describe('a secret rotation, as receivers see it', () => {
  const created = new Date('2026-12-01T00:00:00Z')
  const old = generateWebhookSecret()
  const initial: SigningSecret[] = [{ secret: old, expiresAt: null }]
  const { secret: fresh, secrets: rotated } = rotateSigningSecrets(initial, created)

  /** Signs as the collector would at `now` (the injected clock), sent with the real time receivers check. */
  const deliverAt = (now: Date) => ({
    ...signWebhook({ messageId: 'msg_r', sentAt: new Date(), body, secrets: signingSecretsAt(rotated, now) }),
  })

  it('signs with both secrets for 24 hours, so receivers holding either verify', () => {
    for (const now of [created, new Date(created.getTime() + 23.9 * HOUR)]) {
      const headers = deliverAt(now)
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
      expect(receive(old, headers)).toEqual(JSON.parse(body))
      expect(receive(fresh, headers)).toEqual(JSON.parse(body))
    }
  })

  it('drops the old secret once the 24 hours are over', () => {
    const headers = deliverAt(new Date(created.getTime() + 24 * HOUR + 1000))
    expect(headers['webhook-signature'].split(' ')).toHaveLength(1)
    expect(receive(fresh, headers)).toEqual(JSON.parse(body))
    expect(receive(old, headers)).toBe('refused: No matching signature found')
  })

  it('keeps each replaced secret to its own end when rotated again, and at most five signing', () => {
    const second = rotateSigningSecrets(rotated, new Date(created.getTime() + 12 * HOUR))
    const at = (hours: number) => signingSecretsAt(second.secrets, new Date(created.getTime() + hours * HOUR))
    expect(at(13)).toEqual([second.secret, fresh, old])
    expect(at(25)).toEqual([second.secret, fresh])
    expect(at(37)).toEqual([second.secret])

    let secrets = initial
    for (let i = 0; i < 8; i++) secrets = rotateSigningSecrets(secrets, new Date(created.getTime() + i * 1000)).secrets
    expect(signingSecretsAt(secrets, created)).toHaveLength(5)
  })
})
