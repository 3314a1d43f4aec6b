import { Hono } from 'hono'
import { MAX_BATCH_EVENTS, batchEnvelopeSchema, formatIssues } from '@sillage/protocol'
import type { BatchResponse, EventType, JsonObject } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { writeKeyAuth } from '../middleware/auth/index.js'
import { ingestionCors } from '../middleware/cors/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { normaliseSegmentBatch } from '../normalise/normalise-segment-batch.js'
import { normaliseSegmentEvent } from '../normalise/normalise-segment-event.js'
import { commitEvents } from './commit-events.js'
import { rateLimitFor } from './rate-limit-for.js'
import { requestFactsOf } from './request-facts-of.js'
import type { RouteDeps } from './route-deps.js'

/** The single-event routes of the Segment HTTP API; the path implies the event type. */
const singleEventTypes: readonly EventType[] = ['track', 'identify', 'page', 'alias', 'group', 'screen']

/**
 * Each single-event path with its type: Segment's and RudderStack's `/v1/track`…, and
 * analytics.js 2.0's one-letter form (`/v1/t`, `/v1/p`, `/v1/i`…), what it posts to by default.
 */
const singleEventPaths = singleEventTypes.flatMap(
  (type) =>
    [
      [`/v1/${type}`, type],
      [`/v1/${type[0]}`, type],
    ] as const,
)

/**
 * Batch paths: the Segment HTTP API's, analytics.js 2.0's when it batches (`/v1/b`), and
 * RudderStack's beacon (`/beacon/v1/batch?writeKey=…`, a `text/plain` body).
 */
const batchPaths = ['/v1/batch', '/v1/b', '/beacon/v1/batch']

/** Paths browsers post to: they get CORS. */
export const segmentPaths = [...batchPaths, ...singleEventPaths.map(([path]) => path)]

/**
 * `POST /v1/batch` and `/v1/{track,identify,page,alias,group,screen}`, compatible with
 * the Segment HTTP Tracking API (docs/api.md), and the other paths the Segment and
 * RudderStack browser libraries post the same bodies to. A batch is accepted in part: invalid
 * events come back in `rejected[]`, the rest are committed before the 200.
 *
 * @example
 * app.route('/', segmentRoutes(deps))
 */
export function segmentRoutes(deps: RouteDeps): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  for (const path of segmentPaths) app.use(path, ingestionCors({ allowedOrigins: deps.allowedOrigins }))
  const guards = [jsonBody(), writeKeyAuth(deps), rateLimitFor(deps)] as const

  app.on('POST', batchPaths, ...guards, async (c) => {
    const body = c.var.body as JsonObject
    if (Array.isArray(body?.batch) && body.batch.length > MAX_BATCH_EVENTS) {
      throw new ApiError(
        413,
        'payload_too_large',
        `The batch holds ${body.batch.length} events; send at most ${MAX_BATCH_EVENTS} per request.`,
      )
    }
    const envelope = batchEnvelopeSchema.safeParse(body)
    if (!envelope.success) {
      const issues = formatIssues(envelope.error.issues)
      throw new ApiError(400, 'invalid_batch', `Not a batch: ${issues.join('; ')}. Send {"batch": [events…]}.`, {
        issues,
      })
    }
    const defaults = { context: envelope.data.context ?? {}, sentAt: envelope.data.sentAt }
    const { events, rejected } = normaliseSegmentBatch(
      envelope.data.batch,
      defaults,
      await requestFactsOf(c, deps),
      deps,
    )
    deps.metrics.events.inc({ outcome: 'rejected' }, rejected.length)
    const result = await commitEvents(deps.store, deps.metrics, events)
    return c.json<BatchResponse>({ ...result, rejected })
  })

  for (const [path, type] of singleEventPaths) {
    app.post(path, ...guards, async (c) => {
      const body = c.var.body
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new ApiError(400, 'invalid_event', `The body of ${path} must be one event as a JSON object.`)
      }
      const normalised = normaliseSegmentEvent(
        { ...body, type },
        { context: {}, sentAt: undefined },
        await requestFactsOf(c, deps),
        deps,
      )
      if (!normalised.ok) {
        deps.metrics.events.inc({ outcome: 'rejected' })
        const issues = normalised.errors
        if (normalised.tooLarge)
          throw new ApiError(413, 'payload_too_large', `The ${type} event is too large: ${issues.join('; ')}`, {
            issues,
          })
        throw new ApiError(400, 'invalid_event', `Invalid ${type} event: ${issues.join('; ')}`, { issues })
      }
      const result = await commitEvents(deps.store, deps.metrics, [normalised.event])
      return c.json<BatchResponse>({ ...result, rejected: [] })
    })
  }
  return app
}
