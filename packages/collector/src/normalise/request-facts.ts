import type { IpStorage } from './stored-address.js'

/** What the collector knows about the request an event arrived in, shared by its events. */
export interface RequestFacts {
  /** De-duplication scope: the write key, `api` (secret key) or `brevo`. */
  source: string
  /** Authenticated with the secret key: a server we trust to assert identities. */
  trusted: boolean
  receivedAt: Date
  /** The full client address: never stored as is (see `storedAddress`). */
  ip: string | null
  userAgent: string | null
  /**
   * The cookieless salt of the UTC day `receivedAt` falls on (see `DailySalts`), fetched
   * before normalising: an anonymousId `$cookieless` becomes a salted hash with it.
   */
  cookielessSalt?: string
}

export interface NormaliseOptions {
  /** With a secret set, untrusted userId/email claims need a valid `context.userHash`. */
  identitySecret?: string | undefined
  /** How much of the client address `context.ip` keeps. Default `truncated`. */
  ipStorage?: IpStorage | undefined
}
