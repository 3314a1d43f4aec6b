import { parseArgs } from 'node:util'
import { type IpStorage, ipStorageModes } from '../normalise/stored-address.js'
import { hideUrlPassword } from '../secrets/hide-url-password.js'
import { ConfigError } from './config-error.js'

export interface CollectorConfig {
  port: number
  host: string
  store: string
  /** Null: none given, use (or generate) the dev key kept in the data dir. */
  writeKeys: string[] | null
  /** Null: none given, use (or generate) the one kept in the data dir. */
  secretKey: string | null
  allowedOrigins: string[]
  identitySecret: string | undefined
  trustProxy: boolean
  /** Sustained browser requests per second per write key and client address; 0 turns that limit off. */
  rateLimit: number
  ipStorage: IpStorage
  /** Events older than this many days are deleted (at start, then hourly); 0 keeps them forever. */
  retentionDays: number
  /** Webhook endpoints may be on private, loopback and link-local addresses (a receiver on this network). */
  webhookAllowPrivate: boolean
}

/** Every flag with its env twin (the README's Configuration), plus `--trust-proxy` and `--rate-limit` for deployments that take real traffic. */
const flags = {
  port: { env: 'SILLAGE_PORT', default: '8787' },
  host: { env: 'SILLAGE_HOST', default: '127.0.0.1' },
  store: { env: 'SILLAGE_STORE', default: 'sqlite:./data/sillage.db' },
  'write-keys': { env: 'SILLAGE_WRITE_KEYS', default: '' },
  'secret-key': { env: 'SILLAGE_SECRET_KEY', default: '' },
  'allowed-origins': { env: 'SILLAGE_ALLOWED_ORIGINS', default: '*' },
  'identity-secret': { env: 'SILLAGE_IDENTITY_SECRET', default: '' },
  'trust-proxy': { env: 'SILLAGE_TRUST_PROXY', default: 'false' },
  'rate-limit': { env: 'SILLAGE_RATE_LIMIT', default: '50' },
  'ip-storage': { env: 'SILLAGE_IP_STORAGE', default: 'truncated' },
  'retention-days': { env: 'SILLAGE_RETENTION_DAYS', default: '0' },
  'webhook-allow-private': { env: 'SILLAGE_WEBHOOK_ALLOW_PRIVATE', default: 'false' },
} as const

export type FlagName = keyof typeof flags

/** Flags that take no value: present means true. */
const booleanFlags: readonly string[] = ['trust-proxy', 'webhook-allow-private']

/**
 * Command-line flags, then their environment twins, then the defaults. Throws a
 * `ConfigError` naming the flag and what to pass instead; returns `'help'` for --help.
 *
 * @example
 * parseConfig(['--port', '9000'], { SILLAGE_STORE: 'memory:' }) // { port: 9000, store: 'memory:', … }
 */
export function parseConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CollectorConfig | 'help' {
  let values: Record<string, string | boolean | undefined>
  try {
    const options = Object.fromEntries(
      Object.keys(flags).map((name) => [
        name,
        { type: booleanFlags.includes(name) ? ('boolean' as const) : ('string' as const) },
      ]),
    )
    values = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split('\n')[0]} (see --help)`)
  }
  if (values.help) return 'help'
  const get = (name: FlagName) => {
    const value = values[name] ?? env[flags[name].env] ?? flags[name].default
    return String(value).trim()
  }
  const writeKeys = parseWriteKeys(get('write-keys'))
  const secretKey = parseSecret('secret-key', get('secret-key'))
  if (secretKey && writeKeys?.includes(secretKey)) {
    throw new ConfigError(
      '--secret-key must differ from every write key: write keys are public, they sit in your pages',
    )
  }
  return {
    port: parsePort(get('port')),
    host: nonEmpty('host', get('host')),
    store: parseStoreUrl(get('store')),
    writeKeys,
    secretKey,
    allowedOrigins: parseOrigins(get('allowed-origins')),
    identitySecret: parseSecret('identity-secret', get('identity-secret')) ?? undefined,
    trustProxy: parseBoolean('trust-proxy', get('trust-proxy')),
    rateLimit: parseRate(get('rate-limit')),
    ipStorage: parseIpStorage(get('ip-storage')),
    retentionDays: parseRetentionDays(get('retention-days')),
    webhookAllowPrivate: parseBoolean('webhook-allow-private', get('webhook-allow-private')),
  }
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw new ConfigError(`--port must be a number from 0 to 65535, got "${text}"`)
  return port
}

function parseRate(text: string): number {
  const rate = Number(text)
  if (!/^\d+$/.test(text))
    throw new ConfigError(`--rate-limit must be a whole number of requests per second (0 = off), got "${text}"`)
  return rate
}

function parseIpStorage(text: string): IpStorage {
  const mode = ipStorageModes.find((candidate) => candidate === text.toLowerCase())
  if (mode === undefined) throw new ConfigError(`--ip-storage must be truncated, full or none, got "${text}"`)
  return mode
}

function parseRetentionDays(text: string): number {
  const days = Number(text)
  // Past about 27 million years the cut-off is no longer a representable date.
  if (!/^\d{1,7}$/.test(text)) {
    throw new ConfigError(`--retention-days must be a whole number of days (0 = keep events forever), got "${text}"`)
  }
  return days
}

function nonEmpty(name: FlagName, text: string): string {
  if (!text) throw new ConfigError(`--${name} must not be empty`)
  return text
}

function parseStoreUrl(text: string): string {
  if (text === 'memory:' || /^sqlite:.+/.test(text) || /^postgres(ql)?:\/\/.+/.test(text)) return text
  throw new ConfigError(
    `--store must be memory:, sqlite:<path> or postgres://user@host/db, got "${hideUrlPassword(text)}"`,
  )
}

function parseWriteKeys(text: string): string[] | null {
  const keys = text
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
  const bad = keys.find((key) => !/^[\w.-]{1,128}$/.test(key))
  if (bad !== undefined) throw new ConfigError(`--write-keys: "${bad}" must be 1–128 letters, digits, "_", "-" or "."`)
  return keys.length > 0 ? keys : null
}

function parseSecret(name: FlagName, text: string): string | null {
  if (!text) return null
  if (text.length < 16)
    throw new ConfigError(`--${name} must be at least 16 characters; generate one with: openssl rand -hex 24`)
  return text
}

function parseOrigins(text: string): string[] {
  const origins = text
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (origin === '*') continue
    let parsed: URL | null = null
    try {
      parsed = new URL(origin)
    } catch {}
    if (!parsed || parsed.origin !== origin.replace(/\/+$/, '')) {
      throw new ConfigError(
        `--allowed-origins: "${origin}" is not an origin such as https://shop.example (scheme, host, optional port)`,
      )
    }
  }
  return origins.length > 0 ? origins : ['*']
}

function parseBoolean(name: FlagName, text: string): boolean {
  if (['true', '1', 'yes', ''].includes(text.toLowerCase())) return text !== ''
  if (['false', '0', 'no'].includes(text.toLowerCase())) return false
  throw new ConfigError(`--${name} must be true or false, got "${text}"`)
}
