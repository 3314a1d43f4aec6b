import { BlockList, isIPv4, isIPv6 } from 'node:net'

type Family = 'ipv4' | 'ipv6'

/** Ranges a webhook may not reach, each with the words that explain a refusal. */
const RANGES: [reason: string, family: Family, network: string, prefix: number][] = [
  ['an unspecified address', 'ipv4', '0.0.0.0', 8],
  ['a private address', 'ipv4', '10.0.0.0', 8],
  ['a shared (carrier-grade NAT) address', 'ipv4', '100.64.0.0', 10],
  ['a loopback address', 'ipv4', '127.0.0.0', 8],
  ['a link-local address', 'ipv4', '169.254.0.0', 16],
  ['a private address', 'ipv4', '172.16.0.0', 12],
  ['a reserved address', 'ipv4', '192.0.0.0', 24],
  ['a documentation address', 'ipv4', '192.0.2.0', 24],
  ['a private address', 'ipv4', '192.168.0.0', 16],
  ['a benchmarking address', 'ipv4', '198.18.0.0', 15],
  ['a documentation address', 'ipv4', '198.51.100.0', 24],
  ['a documentation address', 'ipv4', '203.0.113.0', 24],
  ['a multicast address', 'ipv4', '224.0.0.0', 4],
  ['a reserved address', 'ipv4', '240.0.0.0', 4],
  ['an unspecified address', 'ipv6', '::', 128],
  ['a loopback address', 'ipv6', '::1', 128],
  ['a discard-only address', 'ipv6', '100::', 64],
  ['a documentation address', 'ipv6', '2001:db8::', 32],
  ['a unique-local address', 'ipv6', 'fc00::', 7],
  ['a link-local address', 'ipv6', 'fe80::', 10],
  ['a site-local address', 'ipv6', 'fec0::', 10],
  ['a multicast address', 'ipv6', 'ff00::', 8],
]

const lists = RANGES.map(([reason, family, network, prefix]) => {
  const list = new BlockList()
  list.addSubnet(network, prefix, family)
  return { reason, family, list }
})

/** The 16 bytes of an IPv6 address (`::` and a dotted IPv4 tail expanded). */
function ipv6Bytes(address: string): number[] {
  let text = address
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number]
    text = text.slice(0, tail.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }
  const [head = '', rest] = text.split('::') as [string, string | undefined]
  const groups = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const left = groups(head)
  const right = rest === undefined ? [] : groups(rest)
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right]
  return all.flatMap((group) => [group >> 8, group & 0xff])
}

/**
 * The IPv4 address an IPv6 one carries, when it is a form that reaches it: IPv4-mapped
 * (`::ffff:10.0.0.1`), IPv4-compatible (`::10.0.0.1`), NAT64 (`64:ff9b::…`) or 6to4 (`2002:…`).
 */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address)
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0)
  const dotted = (at: number) => bytes.slice(at, at + 4).join('.')
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return dotted(12)
  if (zeros(0, 12) && !zeros(12, 15)) return dotted(12)
  const isNat64 = bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)
  if (isNat64) return dotted(12)
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return dotted(2)
  return null
}

/**
 * Why a webhook may not be sent to this IP address (`"a loopback address"`), or null when
 * it is a public one. IPv6 forms that carry an IPv4 address are judged by that address.
 *
 * @example
 * refusedAddressReason('169.254.169.254') // 'a link-local address'
 * refusedAddressReason('::ffff:10.0.0.1') // 'a private address (as ::ffff:10.0.0.1)'
 * refusedAddressReason('93.184.215.14') // null
 */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family: Family | null = isIPv4(bare) ? 'ipv4' : isIPv6(bare) ? 'ipv6' : null
  if (!family) return 'not an IP address'
  if (family === 'ipv6') {
    const inner = embeddedIpv4(bare)
    const innerReason = inner && refusedAddressReason(inner)
    if (innerReason) return `${innerReason} (as ${bare})`
  }
  return lists.find((range) => range.family === family && range.list.check(bare, family))?.reason ?? null
}
