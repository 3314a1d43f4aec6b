import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { CollectorEnv } from '../collector-env.js'

export interface Listening {
  server: Server
  /** The base URL to print and to put in the script tag. */
  url: string
}

/**
 * Serves the app on `host:port` and resolves once it listens (port 0 picks a free
 * port); rejects when it cannot (port taken, address not available).
 *
 * @example
 * const { url } = await listen(app, { host: '127.0.0.1', port: 0 })
 */
export function listen(app: Hono<CollectorEnv>, options: { host: string; port: number }): Promise<Listening> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      server.off('error', reject)
      resolvePromise({ server: server as Server, url: `http://${urlHost(options.host)}:${info.port}` })
    })
    server.once('error', reject)
  })
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Stops accepting connections, lets requests in flight finish (their events are
 * committed before they answer), then resolves. After `graceMs` the remaining
 * connections are cut.
 *
 * @example
 * await closeServer(server, 10_000)
 * await store.close()
 */
export function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs)
    timer.unref()
    server.close(() => {
      clearTimeout(timer)
      resolvePromise()
    })
    server.closeIdleConnections()
  })
}
