import { RefusedAddressError } from './checked-lookup.js'
import { refusedAddressReason } from './refused-address.js'

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase()

/**
 * Why a URL whose host is an IP address in a refused range is refused, or null. A
 * connection to an address skips name resolution, so this is the check for such URLs;
 * names are checked by the lookup of the connection itself.
 *
 * @example
 * refusedLiteralAddress(new URL('http://10.0.0.7/')) // '10.0.0.7 is a private address; webhooks to such …'
 */
export function refusedLiteralAddress(url: URL): string | null {
  const host = bareHost(url)
  const isLiteral = /^[\d.]+$/.test(host) || host.includes(':')
  const reason = isLiteral ? refusedAddressReason(host) : null
  return reason ? new RefusedAddressError(host, host, reason).message : null
}

/**
 * Why a webhook URL is refused on sight, before any name is resolved: an IP address in
 * a refused range, or a `localhost` name. Null when only resolving it can tell (every
 * delivery checks again at connect time) or when private addresses are allowed. Lets an
 * endpoint be refused when it is saved, not first when a message fails.
 *
 * @example
 * refusedWebhookUrl(new URL('http://169.254.169.254/latest'), { allowPrivate: false })
 * // '169.254.169.254 is a link-local address; webhooks to such addresses are refused unless …'
 */
export function refusedWebhookUrl(url: URL, { allowPrivate }: { allowPrivate: boolean }): string | null {
  if (allowPrivate) return null
  const host = bareHost(url)
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return new RefusedAddressError(host, host, 'a loopback name').message
  }
  return refusedLiteralAddress(url)
}
