import { TokenBuckets } from '../../middleware/rate-limit/token-buckets.js'

export interface SignInAttemptsOptions {
  /** Wrong keys one address may type in a row before it has to wait. Default 5. */
  wrongKeysAllowed?: number
  /** Then one more wrong key per this many seconds. Default 60. */
  secondsPerWrongKey?: number
}

/**
 * Wrong secret keys typed per client address: a few typos pass, then each address waits
 * between guesses, so the key cannot be guessed at the speed of the network. While an
 * address waits every try is refused, the right key too: otherwise the answer to a try
 * would still tell a guesser when they got it. Only the count is kept, never the key.
 *
 * @example
 * const attempts = signInAttempts()
 * attempts.waitSeconds('203.0.113.7', Date.now()) // 0: may try
 * attempts.recordWrongKey('203.0.113.7', Date.now())
 */
export function signInAttempts(options: SignInAttemptsOptions = {}) {
  const secondsPerWrongKey = options.secondsPerWrongKey ?? 60
  const buckets = new TokenBuckets(1 / secondsPerWrongKey, options.wrongKeysAllowed ?? 5)
  return {
    waitSeconds: (address: string, now: number): number => buckets.waitSeconds(address, now),
    recordWrongKey(address: string, now: number): void {
      buckets.take(address, now)
    },
  }
}

export type SignInAttempts = ReturnType<typeof signInAttempts>
