import { Hono } from 'hono'
import { MAX_BATCH_EVENTS, MAX_MESSAGE_ID_LENGTH } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { writeKeyAuth } from '../middleware/auth/index.js'
import { ingestionCors } from '../middleware/cors/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { rateLimitFor } from './rate-limit-for.js'
import type { RouteDeps } from './route-deps.js'

export const RECEIPTS_PATH = '/v1/receipts'

/** A list of messageIds a person can fix from the message, or the reason it is not one. */
function messageIdsOf(body: unknown): string[] {
  const ids = (body as { messageIds?: unknown } | null)?.messageIds
  if (
    !Array.isArray(ids) ||
    !ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_MESSAGE_ID_LENGTH)
  ) {
    throw new ApiError(
      400,
      'invalid_receipts_query',
      `Send {"messageIds": ["…"]}: an array of messageIds, each a string of 1 to ${MAX_MESSAGE_ID_LENGTH} characters.`,
    )
  }
  if (ids.length > MAX_BATCH_EVENTS) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The query holds ${ids.length} messageIds; ask for at most ${MAX_BATCH_EVENTS} at once.`,
    )
  }
  return ids
}

/**
 * `POST /v1/receipts` `{"messageIds": [...]}` → 200 `{"stored": [...]}`: which of these
 * events of the write key's source are committed (or were erased since), i.e. what a
 * batch carrying them again would only count as duplicates. A page that sent its events
 * while unloading never sees the collector's answer; the next page of the site asks here
 * instead of sending the events again. Same auth, CORS and rate limit as `/v1/batch`.
 * (A messageId is an unguessable random id: knowing one already means having sent it.)
 *
 * @example
 * app.route('/', receiptsRoute(deps))
 */
export function receiptsRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  app.use(RECEIPTS_PATH, ingestionCors({ allowedOrigins: deps.allowedOrigins }))
  app.post(RECEIPTS_PATH, jsonBody(), writeKeyAuth(deps), rateLimitFor(deps), async (c) => {
    const messageIds = messageIdsOf(c.var.body)
    if (messageIds.length === 0) return c.json({ stored: [] })
    // The check ingestion makes for duplicates: what it names, a batch would only count again.
    const known = await deps.store.transaction((tx) => tx.storedMessageIds({ source: c.var.source, messageIds }))
    return c.json({ stored: messageIds.filter((id) => known.has(id)) })
  })
  return app
}
