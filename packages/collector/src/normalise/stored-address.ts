import { isIPv4, isIPv6 } from 'node:net'

/** How much of a client address is kept in `context.ip`. */
export type IpStorage = 'truncated' | 'full' | 'none'

export const ipStorageModes: readonly IpStorage[] = ['truncated', 'full', 'none']

/**
 * The form of a client address that may be stored. `truncated` keeps the network, not the
 * host, as GA4 does: IPv4 its first 3 bytes, IPv6 its first 6 (a /48, one site), the rest
 * zero; an IPv4-mapped IPv6 address is truncated as the IPv4 address it carries. Text that
 * is not an IP address cannot be truncated, so it is not kept either (a server library may
 * pass anything in `context.ip`).
 *
 * @example
 * storedAddress('203.0.113.7', 'truncated')        // '203.0.113.0'
 * storedAddress('2001:db8:85a3:8d3::7', 'truncated') // '2001:db8:85a3::'
 * storedAddress('203.0.113.7', 'none')             // null
 */
export function storedAddress(address: string | null, mode: IpStorage): string | null {
  if (address === null || mode === 'none') return null
  if (mode === 'full') return address
  if (isIPv4(address)) return truncateIPv4(address)
  const withoutZone = address.split('%')[0]!
  if (!isIPv6(withoutZone)) return null
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone)
  if (mapped !== null) return `::ffff:${truncateIPv4(mapped[1]!)}`
  return truncateIPv6(withoutZone)
}

function truncateIPv4(address: string): string {
  return `${address.split('.').slice(0, 3).join('.')}.0`
}

/** Keeps the first three 16-bit groups (6 bytes) of a valid IPv6 address, in compressed form. */
function truncateIPv6(address: string): string {
  const groups = expandIPv6(address)
    .slice(0, 3)
    .map((group) => Number.parseInt(group, 16).toString(16))
  while (groups.length > 0 && groups[groups.length - 1] === '0') groups.pop()
  return `${groups.join(':')}::`
}

/** The eight groups of a valid IPv6 address; an embedded dotted IPv4 tail becomes two groups. */
function expandIPv6(address: string): string[] {
  let text = address
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  if (tail === undefined) return left
  const right = tail === '' ? [] : tail.split(':')
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
}
