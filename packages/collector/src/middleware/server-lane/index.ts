import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { CallerTurns } from './caller-turns.js'

export interface ServerLaneOptions {
  /** Requests of one caller processed at once; the others wait their turn. Default 8. */
  concurrency?: number
  /** Requests of one caller that may wait; one more is answered 429. Default 10,000. */
  maxWaiting?: number
  /** Who is "a caller"; the collector uses the source key plus the client address. */
  keyOf?: (c: Context<CollectorEnv>) => string
  /** Whether the client hung up while waiting. Default: its socket is closed. */
  clientGone?: (c: Context<CollectorEnv>) => boolean
}

const socketClosed = (c: Context<CollectorEnv>) => c.env?.incoming?.socket?.destroyed === true

/**
 * Fairness for server traffic: a backend that bursts thousands of requests is made to
 * take turns (a few at a time, in order) instead of being refused. Server libraries
 * give up after a few quick retries of a 429, so refusing a burst loses events; waiting
 * loses nothing and keeps one caller's burst from filling the store's queue ahead of
 * everyone else. A request whose client hung up while waiting (a library's request
 * timeout) is skipped when its turn comes: the library sends it again, and processing
 * both would only make the line longer.
 *
 * @example
 * app.use('/v1/batch', serverLane({ concurrency: 8 }))
 */
export function serverLane(options: ServerLaneOptions = {}) {
  const turns = new CallerTurns(options.concurrency ?? 8, options.maxWaiting ?? 10_000)
  const keyOf = options.keyOf ?? ((c: Context<CollectorEnv>) => c.var.source ?? 'anonymous')
  const clientGone = options.clientGone ?? socketClosed
  return createMiddleware<CollectorEnv>(async function takeTurn(c, next) {
    const release = await turns.take(keyOf(c))
    if (!release) {
      throw new ApiError(429, 'rate_limited', 'Too many requests waiting from this sender; retry in 1 s.', {
        headers: { 'Retry-After': '1' },
      })
    }
    try {
      if (clientGone(c)) {
        const message = 'The client closed the connection while waiting its turn; nothing was stored.'
        throw new ApiError(408, 'client_gone', message)
      }
      await next()
    } finally {
      release()
    }
  })
}
