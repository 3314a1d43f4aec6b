import type { Context } from 'hono'

/**
 * The origin the browser sees for this request (`https://sillage.example.com`). Behind a
 * proxy the collector is reached over plain http, so with `trustProxy` the proxy's
 * `X-Forwarded-Proto` and `X-Forwarded-Host` say what the browser used.
 *
 * @example
 * requestOrigin(c, { trustProxy: false }) // 'http://127.0.0.1:8787'
 */
export function requestOrigin(c: Context, options: { trustProxy: boolean }): string {
  const url = new URL(c.req.url)
  const forwarded = (name: string) => (options.trustProxy ? c.req.header(name)?.split(',')[0]?.trim() : undefined)
  const protocol = forwarded('X-Forwarded-Proto') ?? url.protocol.replace(':', '')
  const host = forwarded('X-Forwarded-Host') ?? c.req.header('Host') ?? url.host
  return `${protocol}://${host}`
}
