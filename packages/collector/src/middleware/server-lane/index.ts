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
}

/**
 * Fairness for server traffic: a backend that bursts thousands of requests is made to
 * take turns (a few at a time, in order) instead of being refused. Server libraries
 * give up after a few quick retries of a 429, so refusing a burst loses events; waiting
 * loses nothing and keeps one caller's burst from filling the store's queue ahead of
 * everyone else.
 *
 * @example
 * app.use('/v1/batch', serverLane({ concurrency: 8 }))
 */
export function serverLane(options: ServerLaneOptions = {}) {
  const turns = new CallerTurns(options.concurrency ?? 8, options.maxWaiting ?? 10_000)
  const keyOf = options.keyOf ?? ((c: Context<CollectorEnv>) => c.var.source ?? 'anonymous')
  return createMiddleware<CollectorEnv>(async function takeTurn(c, next) {
    const release = await turns.take(keyOf(c))
    if (!release) {
      throw new ApiError(429, 'rate_limited', 'Too many requests waiting from this sender; retry in 1 s.', {
        headers: { 'Retry-After': '1' },
      })
    }
    try {
      await next()
    } finally {
      release()
    }
  })
}
