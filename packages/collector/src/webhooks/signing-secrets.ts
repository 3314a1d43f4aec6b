import { generateWebhookSecret } from './webhook-secret.js'

/** How long a replaced secret keeps signing alongside the new one. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000

/** Most secrets signing at once: repeated rotations within a day stop at this many. */
export const MAX_SIGNING_SECRETS = 5

/** One of an endpoint's secrets; `expiresAt` is null for the current one. */
export interface SigningSecret {
  secret: string
  /** ISO time after which it no longer signs. */
  expiresAt: string | null
}

/**
 * The secrets that sign a delivery sent at `now`: the current one first, then the
 * replaced ones still inside their 24 hours.
 *
 * @example
 * signingSecretsAt(endpoint.secrets, new Date()) // ['whsec_new…', 'whsec_old…']
 */
export function signingSecretsAt(secrets: readonly SigningSecret[], now: Date): string[] {
  return secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime()).map((s) => s.secret)
}

/**
 * Replaces the current secret with a new one. The one replaced keeps signing for 24
 * hours so receivers can switch without losing a delivery; earlier replaced ones keep
 * their own expiry, and expired ones are dropped. Rotating again and again within a day
 * keeps at most five signing, dropping the one closest to its end.
 *
 * @example
 * const { secrets, secret } = rotateSigningSecrets(endpoint.secrets, new Date())
 * // secret: the new 'whsec_…' to show once; secrets: what to store
 */
export function rotateSigningSecrets(
  secrets: readonly SigningSecret[],
  now: Date,
  newSecret: string = generateWebhookSecret(),
): { secret: string; secrets: SigningSecret[] } {
  const overlapEnd = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString()
  const replaced = secrets
    .map((s) => (s.expiresAt === null ? { secret: s.secret, expiresAt: overlapEnd } : s))
    .filter((s) => Date.parse(s.expiresAt!) > now.getTime())
    .sort((a, b) => Date.parse(b.expiresAt!) - Date.parse(a.expiresAt!))
    .slice(0, MAX_SIGNING_SECRETS - 1)
  return { secret: newSecret, secrets: [{ secret: newSecret, expiresAt: null }, ...replaced] }
}
