import { describe, expect, it } from 'vitest'
import { storedAddress } from './stored-address.js'

describe('storedAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0'],
    ['10.1.2.255', '10.1.2.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8:85a3::7', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8::'],
    ['2001:0DB8:0000:0042::1', '2001:db8::'],
    ['::1', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['::ffff:198.51.100.23', '::ffff:198.51.100.0'],
    ['::FFFF:198.51.100.23', '::ffff:198.51.100.0'],
    ['64:ff9b::198.51.100.23', '64:ff9b::'],
  ])('truncates %s to %s', (address, stored) => {
    expect(storedAddress(address, 'truncated')).toBe(stored)
  })

  it('never keeps more than the network: the host bytes of every truncated form are zero', () => {
    expect(storedAddress('203.0.113.7', 'truncated')).not.toContain('.7')
    expect(storedAddress('2001:db8:85a3:ffff:1:2:3:4', 'truncated')).toBe('2001:db8:85a3::')
  })

  it('drops text that is not an address rather than keep what it cannot truncate', () => {
    expect(storedAddress('not an ip', 'truncated')).toBeNull()
    expect(storedAddress('203.0.113.999', 'truncated')).toBeNull()
    expect(storedAddress('', 'truncated')).toBeNull()
  })

  it('keeps the address as given with full, and nothing with none', () => {
    expect(storedAddress('203.0.113.7', 'full')).toBe('203.0.113.7')
    expect(storedAddress('2001:db8::7', 'full')).toBe('2001:db8::7')
    expect(storedAddress('203.0.113.7', 'none')).toBeNull()
    expect(storedAddress(null, 'truncated')).toBeNull()
  })
})
