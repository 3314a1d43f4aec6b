/** What the tests reach for inside the page (`page.evaluate` runs with the page's globals). */
interface SillageOnPage {
  push(command: unknown[]): unknown
  track?(name: string, properties?: Record<string, unknown>): void
  page?(name?: string, properties?: Record<string, unknown>): void
  identify?(identity: Record<string, unknown>): void
  flush?(): Promise<void>
}

interface Window {
  sillage: SillageOnPage | unknown[]
  Brevo: { push(command: unknown[]): unknown } | unknown[]
}

/** `@segment/analytics-next`'s `AnalyticsBrowser`, as `fixtures/segment` loads it; each call resolves once delivered (or queued for a retry). */
interface SegmentOnPage {
  track(event: string, properties?: Record<string, unknown>): Promise<unknown>
  page(category?: string, name?: string, properties?: Record<string, unknown>): Promise<unknown>
  identify(userId: string, traits?: Record<string, unknown>): Promise<unknown>
  user(): Promise<{ anonymousId(): string | null; id(): string | null }>
}

/** `@rudderstack/analytics-js`'s `RudderAnalytics`, as `fixtures/rudderstack` loads it; calls only enqueue. */
interface RudderStackOnPage {
  ready(callback: () => void): void
  track(event: string, properties?: Record<string, unknown>): void
  page(category?: string, name?: string, properties?: Record<string, unknown>): void
  identify(userId: string, traits?: Record<string, unknown>): void
  getAnonymousId(): string
}

interface Window {
  analytics: SegmentOnPage
  rudderanalytics: RudderStackOnPage
}
