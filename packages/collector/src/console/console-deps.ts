import type { RouteDeps } from '../routes/route-deps.js'
import type { SignedOutSessions } from './session/signed-out-sessions.js'

/** What the console's routes need: the collector's own dependencies, plus its session list. */
export type ConsoleDeps = Pick<
  RouteDeps,
  'store' | 'metrics' | 'writeKeys' | 'secretKey' | 'trustProxy' | 'now' | 'shutdown'
> & {
  signedOut: SignedOutSessions
}
