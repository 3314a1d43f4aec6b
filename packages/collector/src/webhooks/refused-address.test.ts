import { describe, expect, it } from 'vitest'
import { refusedAddressReason } from './refused-address.js'

describe('refusedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.10', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['255.255.255.255', 'a reserved address'],
    ['224.0.0.251', 'a multicast address'],
    ['::', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['fd12:3456::1', 'a unique-local address'],
    ['fc00::1', 'a unique-local address'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'a loopback address (as ::ffff:127.0.0.1)'],
    ['::ffff:7f00:1', 'a loopback address (as ::ffff:7f00:1)'],
    ['::ffff:169.254.169.254', 'a link-local address (as ::ffff:169.254.169.254)'],
    ['::10.0.0.1', 'a private address (as ::10.0.0.1)'],
    ['64:ff9b::a9fe:a9fe', 'a link-local address (as 64:ff9b::a9fe:a9fe)'],
    ['2002:c0a8:0101::1', 'a private address (as 2002:c0a8:0101::1)'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusedAddressReason(address)).toBe(reason)
  })

  const publicAddresses = ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:84e5']
  const publicInIpv6 = ['::ffff:8.8.8.8', '2002:0808:0808::1']
  it.each([...publicAddresses, ...publicInIpv6])('lets the public address %s through', (address) => {
    expect(refusedAddressReason(address)).toBeNull()
  })

  it('refuses what is not an address at all', () => {
    expect(refusedAddressReason('example.com')).toBe('not an IP address')
  })
})
