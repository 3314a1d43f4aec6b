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
