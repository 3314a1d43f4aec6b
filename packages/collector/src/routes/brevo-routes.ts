import { Hono } from 'hono'
import { MAX_BATCH_EVENTS } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { brevoKeyAuth } from '../middleware/auth/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { normaliseBrevoEvent } from '../normalise/normalise-brevo-event.js'
import type { NormalisedEvent } from '../events/normalised-event.js'
import { commitEvents } from './commit-events.js'
import { rateLimitFor } from './rate-limit-for.js'
import { requestFactsOf } from './request-facts-of.js'
import type { RouteDeps } from './route-deps.js'

/**
 * `POST /v3/events` (204) and `POST /v3/events/batch` (202 `{"message", "count"}`), shaped
 * like Brevo's Events API so code written for Brevo, and Brevo's own SDK, can point here.
 * A batch body is `{"events": [...]}`, as Brevo's API and SDK send it today, or a bare
 * array of events, as it used to be.
 * A batch is all or nothing: one invalid event answers 400 listing every bad
 * `eventIndex`, and nothing is stored, so the sender can fix and resend the whole batch.
 *
 * @example
 * app.route('/', brevoRoutes(deps))
 */
export function brevoRoutes(deps: RouteDeps): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  const guards = [brevoKeyAuth(deps), rateLimitFor(deps), jsonBody()] as const

  app.post('/v3/events', ...guards, async (c) => {
    const result = normaliseBrevoEvent(c.var.body, await requestFactsOf(c, deps), deps)
    if (!result.ok) {
      deps.metrics.events.inc({ outcome: 'rejected' })
      if (result.tooLarge)
        throw new ApiError(413, 'payload_too_large', `The event is too large: ${result.errors.join('; ')}`, {
          issues: result.errors,
        })
      throw new ApiError(400, 'invalid_event', `Invalid event: ${result.errors.join('; ')}`, { issues: result.errors })
    }
    await commitEvents(deps.store, deps.metrics, [result.event])
    return c.body(null, 204)
  })

  app.post('/v3/events/batch', ...guards, async (c) => {
    const body = batchEvents(c.var.body)
    if (body.length > MAX_BATCH_EVENTS) {
      throw new ApiError(
        413,
        'payload_too_large',
        `The batch holds ${body.length} events; send at most ${MAX_BATCH_EVENTS} per request.`,
      )
    }
    const facts = await requestFactsOf(c, deps)
    const events: NormalisedEvent[] = []
    const issues: Array<{ eventIndex: number; errors: string[] }> = []
    body.forEach((raw, eventIndex) => {
      const result = normaliseBrevoEvent(raw, facts, deps)
      if (result.ok) events.push(result.event)
      else issues.push({ eventIndex, errors: result.errors })
    })
    if (issues.length > 0) {
      deps.metrics.events.inc({ outcome: 'rejected' }, issues.length)
      const message = `${issues.length} of ${body.length} events are invalid (first at eventIndex ${issues[0]!.eventIndex}); nothing was stored.`
      throw new ApiError(400, 'invalid_events', message, { issues })
    }
    await commitEvents(deps.store, deps.metrics, events)
    return c.json({ message: 'Events accepted and stored.', count: events.length }, 202)
  })
  return app
}

function batchEvents(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  const events = (body as { events?: unknown } | null)?.events
  if (Array.isArray(events)) return events
  const message = 'The body of /v3/events/batch must be {"events": [events…]} (or a bare JSON array of events).'
  throw new ApiError(400, 'invalid_batch', message)
}
