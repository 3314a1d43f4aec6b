/** Public types of `@sillage/tracker`. */

/** Event properties and contact attributes: any JSON-like object. Unserialisable values are cleaned. */
export type Properties = Record<string, unknown>

/**
 * Where the anonymous id, the identity and the consent choice are kept. `'cookieless'`:
 * nothing on the device (no cookie, localStorage or IndexedDB) and every event's
 * anonymousId is `"$cookieless"`, for the collector to replace.
 */
export type Persistence = 'cookie+localStorage' | 'localStorage' | 'memory' | 'cookieless'

/** Extends a tracker; receives it once, when the tracker is created. */
export type Plugin = (tracker: Tracker) => void

export interface TrackerOptions {
  /** Public write key of the collector source. Required. */
  writeKey: string
  /** Collector base URL, e.g. `https://collect.example.com`. Default: `''` (the page's own origin). */
  endpoint?: string
  /** Default `'cookie+localStorage'`; `'memory'` keeps nothing across page loads; `'cookieless'` nothing at all. */
  persistence?: Persistence
  /** Domain of the anonymous-id cookie, e.g. `.example.com` to share it across subdomains. Default: the current host. */
  cookieDomain?: string
  /** Send as soon as this many events are queued. Default 20. */
  flushAt?: number
  /** Send queued events at the latest this many milliseconds after they were tracked. Default 5000. */
  flushInterval?: number
  /** Most events kept while the collector is unreachable; the oldest are dropped beyond. Default 1000. */
  maxQueueSize?: number
  /** Log each kind of problem once with `console.warn`. Default false. */
  debug?: boolean
  /** Plugins such as `spa()` or `vitals()`. Default none. */
  plugins?: Plugin[]
  /**
   * Until `consent(true)`, store nothing on the device and send nothing: events wait in
   * memory (at most 100). The choice is remembered. Default false.
   */
  requireConsent?: boolean
  /** Track nothing when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). Default true. */
  honorGlobalPrivacyControl?: boolean
}

/** Who the visitor is, as the site knows it. */
export interface IdentifyInput {
  email?: string
  /** The site's own user id. */
  userId?: string
  /** Contact attributes (first name, plan…). */
  attributes?: Properties
  /** Hex HMAC-SHA256(identity secret, userId if present else email), computed by your server. */
  userHash?: string
}

/** One line of a cart or an order, with Brevo's keys. */
export interface CartItem {
  id?: string
  name?: string
  price?: number
  quantity?: number
  url?: string
  image?: string
  [key: string]: unknown
}

/**
 * A cart or an order, as Brevo's `event_data`: `{ id, data: { total, currency, url, items } }`.
 * A flat object (`{ id, total, currency, items }`) is accepted too and sent in that shape.
 */
export interface Cart {
  /** e.g. `cart:1234` or `order:1234`. */
  id?: string
  data?: Properties
  total?: number
  currency?: string
  url?: string
  items?: CartItem[]
  [key: string]: unknown
}

export interface Tracker {
  /** Records a custom event. */
  track(name: string, properties?: Properties): void
  /** Records a page view (`page_visited`); url, path, title, referrer and search are added. */
  page(name?: string, properties?: Properties): void
  /** Says who the visitor is; later events carry the userId, email and userHash. */
  identify(input: IdentifyInput): void
  /** `cart_updated`. */
  cartUpdated(cart: Cart): void
  /** `cart_deleted`. */
  cartDeleted(cart: Cart): void
  /** `order_completed`. */
  orderCompleted(order: Cart): void
  /** Sends what is queued now; resolves (never rejects) when this attempt ends. */
  flush(): Promise<void>
  /** Forgets the identity and starts a new anonymous id (call it on logout). */
  reset(): void
  /** Stops tracking on this browser, drops the queue and forgets the ids; remembered across visits. */
  optOut(): void
  /** Undoes `optOut`; the same as `consent(true)`. */
  optIn(): void
  /** The visitor's choice: `true` starts tracking (and sends what waited), `false` is `optOut()`. Remembered. */
  consent(granted: boolean): void
}
