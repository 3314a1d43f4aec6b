import type { BrowserContext } from 'playwright-core'

/**
 * Records every request a page of the context makes outside the given origins (a CDN, a
 * vendor's API, a metrics endpoint), so a test can prove a library configured for
 * self-hosting talks to the site and the collector only. `data:` and `blob:` URLs never
 * leave the browser and are not counted.
 *
 * @example
 *   const foreign = recordForeignRequests(context, [site.url, collector.url])
 *   // … drive the page …
 *   expect(foreign.list()).toEqual([])
 */
export function recordForeignRequests(context: BrowserContext, origins: readonly string[]) {
  const allowed = new Set(origins.map((origin) => new URL(origin).origin))
  const foreign: string[] = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:' || allowed.has(url.origin)) return
    foreign.push(`${request.method()} ${request.url()}`)
  })
  return {
    /** `METHOD url` of each request outside the origins, in the order they were made. */
    list: (): string[] => [...foreign],
  }
}
