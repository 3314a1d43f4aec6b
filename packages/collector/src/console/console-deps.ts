import type { RouteDeps } from '../routes/route-deps.js'
import type { SignedOutSessions } from './session/signed-out-sessions.js'
import type { SignInAttempts } from './session/sign-in-attempts.js'

/** What the console's routes need: the collector's own dependencies, its session list and sign-in attempts. */
export type ConsoleDeps = Pick<
  RouteDeps,
  'store' | 'metrics' | 'writeKeys' | 'secretKey' | 'trustProxy' | 'now' | 'shutdown'
> & {
  signedOut: SignedOutSessions
  signInAttempts: SignInAttempts
}
