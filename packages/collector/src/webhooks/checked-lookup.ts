import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { refusedAddressReason } from './refused-address.js'

/** Resolves a host name to all its addresses (`dns.lookup` with `all: true` by default). */
export type ResolveHost = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void

const systemResolve: ResolveHost = (hostname, callback) =>
  dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => callback(error, addresses ?? []))

const ADVICE = 'webhooks to such addresses are refused unless the collector runs with --webhook-allow-private'

/** A webhook refused because of where it would go; the message says why and what to do. */
export class RefusedAddressError extends Error {
  constructor(host: string, address: string, reason: string) {
    const via = host === address ? address : `${host}, which resolves to ${address}`
    super(`${via} is ${reason}; ${ADVICE}`)
    this.name = 'RefusedAddressError'
  }
}

/**
 * A `lookup` for `http.request` that checks every address a name resolves to before
 * the connection is made. Being the lookup of the connection itself, it judges the very
 * addresses connected to: a name that answers a public address to a first check and a
 * private one to the next (DNS rebinding) cannot slip through.
 *
 * @example
 * http.request(url, { lookup: checkedLookup({ allowPrivate: false }) })
 */
export function checkedLookup(options: { allowPrivate: boolean; resolve?: ResolveHost }): LookupFunction {
  const { allowPrivate, resolve = systemResolve } = options
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname, (error, all) => {
      const family = options.family === 4 || options.family === 6 ? options.family : null
      const addresses = family ? all.filter((entry) => entry.family === family) : all
      if (error || addresses.length === 0) {
        return callback(error ?? Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '')
      }
      for (const { address } of allowPrivate ? [] : addresses) {
        const reason = refusedAddressReason(address)
        if (reason) return callback(new RefusedAddressError(hostname, address, reason), '')
      }
      if (options.all) return callback(null, addresses)
      callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
  return lookup
}
