import { gunzipSync } from 'node:zlib'
import type { BrowserContext, Request } from 'playwright-core'

/**
 * Every path events are posted to: the Segment API's, analytics.js 2.0's one-letter forms
 * (`/v1/t`… and `/v1/b` when it batches), RudderStack's beacon (`/beacon/v1/batch`).
 */
const INGESTION_PATH = /\/v1\/(batch|b|track|t|identify|i|page|p|alias|a|group|g|screen|s)$/

export interface SentEvent {
  messageId: string
  type: string
  name: string
}

export type SentEventsRecorder = ReturnType<typeof recordSentEvents>

/**
 * Reads the body of every ingestion request a page of the context sends (fetch, keepalive,
 * beacon; retries included), so a test can check that each messageId the tracker ever put on
 * the wire is stored exactly once.
 */
export function recordSentEvents(context: BrowserContext) {
  const sent: SentEvent[] = []
  const undecodable: string[] = []
  context.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !INGESTION_PATH.test(new URL(request.url()).pathname)) return
    try {
      sent.push(...eventsInRequest(request))
    } catch (error) {
      undecodable.push(`${request.url()}: ${String(error)}`)
    }
  })
  return {
    /** Every event sent, one entry per time it was sent. */
    events: (): SentEvent[] => [...sent],
    /** The distinct messageIds sent. */
    messageIds: (): Set<string> => new Set(sent.map((event) => event.messageId)),
    /** Bodies that were neither JSON nor gzipped JSON; should stay empty. */
    undecodable: (): string[] => [...undecodable],
  }
}

/** The events in one ingestion request body (plain or gzipped JSON, batch or single event). */
export function eventsInRequest(request: Request): SentEvent[] {
  let body = request.postDataBuffer()
  if (!body) return []
  if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body)
  const parsed = JSON.parse(body.toString('utf8')) as { batch?: unknown[] } & Record<string, unknown>
  const events = (Array.isArray(parsed.batch) ? parsed.batch : [parsed]) as Record<string, unknown>[]
  return events.map((event) => ({
    messageId: String(event.messageId),
    type: String(event.type),
    name: String(event.event ?? event.name ?? event.type),
  }))
}
