import { describe, expect, it } from 'vitest'
import { parseConfig } from './parse-config.js'

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    expect(parseConfig([], {})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      store: 'sqlite:./data/sillage.db',
      writeKeys: null,
      secretKey: null,
      allowedOrigins: ['*'],
      identitySecret: undefined,
      trustProxy: false,
      rateLimit: 50,
      ipStorage: 'truncated',
      retentionDays: 0,
      webhookAllowPrivate: false,
    })
  })

  it('takes a retention in days, 0 meaning forever', () => {
    expect(parseConfig(['--retention-days', '90'], {})).toMatchObject({ retentionDays: 90 })
    expect(parseConfig([], { SILLAGE_RETENTION_DAYS: '30' })).toMatchObject({ retentionDays: 30 })
  })

  it('lets webhooks reach private addresses only when asked, by flag or env', () => {
    expect(parseConfig(['--webhook-allow-private'], {})).toMatchObject({ webhookAllowPrivate: true })
    expect(parseConfig([], { SILLAGE_WEBHOOK_ALLOW_PRIVATE: 'true' })).toMatchObject({ webhookAllowPrivate: true })
    expect(() => parseConfig([], { SILLAGE_WEBHOOK_ALLOW_PRIVATE: 'maybe' })).toThrow(/webhook-allow-private/)
  })

  it('takes a rate limit, 0 meaning off', () => {
    expect(parseConfig(['--rate-limit', '0'], {})).toMatchObject({ rateLimit: 0 })
    expect(parseConfig([], { SILLAGE_RATE_LIMIT: '500' })).toMatchObject({ rateLimit: 500 })
  })

  it('takes how much of the client address to store', () => {
    expect(parseConfig(['--ip-storage', 'full'], {})).toMatchObject({ ipStorage: 'full' })
    expect(parseConfig([], { SILLAGE_IP_STORAGE: 'none' })).toMatchObject({ ipStorage: 'none' })
  })

  it('reads env twins, and flags win over them', () => {
    const env = {
      SILLAGE_PORT: '9000',
      SILLAGE_STORE: 'memory:',
      SILLAGE_WRITE_KEYS: 'wk_aaaaaaaa, wk_bbbbbbbb',
      SILLAGE_TRUST_PROXY: 'true',
    }
    const config = parseConfig(['--port', '9001', '--allowed-origins', 'https://a.example,http://localhost:3000'], env)
    expect(config).toMatchObject({
      port: 9001,
      store: 'memory:',
      writeKeys: ['wk_aaaaaaaa', 'wk_bbbbbbbb'],
      allowedOrigins: ['https://a.example', 'http://localhost:3000'],
      trustProxy: true,
    })
    expect(parseConfig(['--trust-proxy'], {})).toMatchObject({ trustProxy: true })
  })

  it.each([
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--store', 'mysql://x'], /--store must be memory:, sqlite:<path> or postgres/],
    [['--secret-key', 'short'], /--secret-key must be at least 16 characters/],
    [['--write-keys', 'a b'], /--write-keys: "a b"/],
    [['--allowed-origins', 'shop.example'], /not an origin such as https:\/\/shop.example/],
    [['--allowed-origins', 'https://shop.example/path'], /not an origin/],
    [
      ['--write-keys', 'same-key-0123456789', '--secret-key', 'same-key-0123456789'],
      /--secret-key must differ from every write key/,
    ],
    [['--rate-limit', 'fast'], /--rate-limit must be a whole number/],
    [['--ip-storage', 'partial'], /--ip-storage must be truncated, full or none, got "partial"/],
    [
      ['--retention-days', '30d'],
      /--retention-days must be a whole number of days \(0 = keep events forever\), got "30d"/,
    ],
    [['--retention-days=-1'], /--retention-days must be a whole number/],
    [['--unknown'], /Unknown option '--unknown' \(see --help\)/],
  ])('refuses %j with a reason', (argv, reason) => {
    expect(() => parseConfig(argv, {})).toThrow(reason)
  })

  it('returns help for --help', () => {
    expect(parseConfig(['--help'], {})).toBe('help')
  })
})
