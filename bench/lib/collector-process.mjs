import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { freePort, startChildServer } from './child-server.mjs'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const collectorCli = `${repoRoot}packages/collector/dist/cli.js`
export const bareServer = `${repoRoot}bench/servers/bare-hono.mjs`
export const bareNodeServer = `${repoRoot}bench/servers/bare-node-http.mjs`

export const WRITE_KEY = 'bench-write-key'
export const SECRET_KEY = 'bench-secret-key-0123456789abcdef'
export const writeKeyAuth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`
export const secretKeyAuth = `Bearer ${SECRET_KEY}`

/**
 * Starts the real collector CLI (what `npm start` runs) as its own process on a free
 * 127.0.0.1 port, so its RSS is its own and autocannon never shares its event loop.
 * `nodeFlags` lets a caller add e.g. `--cpu-prof`.
 *
 * @example
 * const collector = await startCollector({ store: 'memory:' })
 * await fetch(`${collector.url}/v1/batch`, …)
 * await collector.stop()
 */
export async function startCollector({ store, nodeFlags = [], env = {} }) {
  if (!existsSync(collectorCli)) throw new MissingPieceError('collector not built')
  const port = await freePort()
  return startChildServer({
    args: [
      collectorCli,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--store',
      store,
      '--write-keys',
      WRITE_KEY,
      '--secret-key',
      SECRET_KEY,
    ],
    port,
    nodeFlags,
    // The per-key rate limit (50 req/s by default) would cap the load generator, not the store.
    env: { NODE_ENV: 'production', SILLAGE_RATE_LIMIT: '0', ...env },
  })
}

/** The bare @hono/node-server route: the HTTP limit every store is compared with. */
export async function startBareServer({ nodeFlags = [] } = {}) {
  const port = await freePort()
  return startChildServer({ args: [bareServer, String(port)], port, nodeFlags })
}

/** Plain node:http, no Hono: a reference for what the web Request/stream layer costs. */
export async function startBareNodeServer() {
  const port = await freePort()
  return startChildServer({ args: [bareNodeServer, String(port)], port })
}

/** A piece a colleague has not landed yet: reported as `n/a (…)`, never a failure. */
export class MissingPieceError extends Error {
  name = 'MissingPieceError'
}
