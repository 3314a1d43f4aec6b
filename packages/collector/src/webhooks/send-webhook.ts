import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { checkedLookup, RefusedAddressError, type ResolveHost } from './checked-lookup.js'
import { parseRetryAfter } from './parse-retry-after.js'
import { refusedLiteralAddress } from './refused-webhook-url.js'
import { signWebhook } from './sign-webhook.js'
import type { WebhookAttempt } from './webhook-attempt.js'

/** A receiver has this long to answer, from the first byte of the connection to the status line. */
export const WEBHOOK_TIMEOUT_MS = 15_000

/** How much of a refusing receiver's answer is kept to explain the failure, and how long it is waited for. */
const EXCERPT_BYTES = 300
const EXCERPT_WAIT_MS = 1000

/**
 * Connections are kept open between attempts: a new TCP (and TLS) connection per message
 * was most of a delivery's cost. Reuse keeps the SSRF guard whole: an address is checked
 * when its connection is made, and a kept connection stays with that address.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxFreeSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxFreeSockets: 64 }),
}

/** A delivered message's answer is read this far to keep its connection; a longer one closes it. */
const DRAINED_BYTES = 64 * 1024

export interface SendWebhookOptions {
  url: string
  /** The endpoint's own headers (e.g. `api-key`); the signature headers are added to them. */
  headers?: Record<string, string>
  /** The same for every attempt of one message. */
  messageId: string
  body: string
  /** Every secret in force, one signature each. */
  secrets: readonly string[]
  /** Allow private, loopback and link-local addresses (`--webhook-allow-private`). */
  allowPrivate?: boolean
  timeoutMs?: number
  now?: () => Date
  /** How host names are resolved; the system resolver unless a test gives its own. */
  resolve?: ResolveHost
}

const elapsed = (startedAt: number) => Math.round(performance.now() - startedAt)

function classify(response: IncomingMessage, excerpt: string, now: Date, durationMs: number): WebhookAttempt {
  const status = response.statusCode ?? 0
  if (status >= 200 && status < 300) return { outcome: 'delivered', status, durationMs }
  if (status === 410) return { outcome: 'gone', status: 410, durationMs }
  const location = response.headers.location
  const error =
    status >= 300 && status < 400
      ? `answered ${status}, a redirect${location ? ` to ${location.slice(0, 200)}` : ''}, which is not followed: ` +
        'give the endpoint its final URL'
      : `answered ${status}${excerpt ? `: ${excerpt}` : ''}`
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now)
  return { outcome: 'failed', status, error, retryAfterMs, durationMs }
}

/**
 * Makes one delivery attempt: signs the body (Standard Webhooks), posts it, and tells
 * what came of it. Redirects are not followed; a receiver must answer within 15 s.
 * Unless `allowPrivate`, an address that is private, loopback, link-local and the like
 * is refused, whether written in the URL or resolved from its host name at connect time.
 * Never throws: every problem is a failed attempt with a reason a person can act on.
 *
 * @example
 * const attempt = await sendWebhook({ url: endpoint.url, headers: endpoint.headers, messageId, body, secrets })
 * if (attempt.outcome === 'gone') await disableEndpoint(endpoint.id)
 */
export async function sendWebhook(options: SendWebhookOptions): Promise<WebhookAttempt> {
  const { url, messageId, body, secrets, allowPrivate = false, timeoutMs = WEBHOOK_TIMEOUT_MS } = options
  const now = options.now ?? (() => new Date())
  const startedAt = performance.now()
  const failed = (error: string): WebhookAttempt => ({
    outcome: 'failed',
    status: null,
    error,
    retryAfterMs: null,
    durationMs: elapsed(startedAt),
  })

  let target: URL
  try {
    target = new URL(url)
  } catch {
    return failed(`"${url.slice(0, 80)}" is not a URL: correct the endpoint`)
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return failed(`${target.protocol} is not http or https: correct the endpoint`)
  }
  // Names, localhost included, are judged by what they resolve to, when connecting.
  const refusal = allowPrivate ? null : refusedLiteralAddress(target)
  if (refusal) return failed(refusal)

  const headers = {
    ...options.headers,
    'content-type': 'application/json',
    'user-agent': 'Sillage-Webhooks/1',
    ...signWebhook({ messageId, sentAt: now(), body, secrets }),
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<WebhookAttempt>((settle) => {
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      agent: agents[target.protocol as keyof typeof agents],
      lookup: checkedLookup({ allowPrivate, resolve: options.resolve }),
    })
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)
    req.on('error', (error) => {
      clearTimeout(timer)
      settle(failed(error instanceof RefusedAddressError ? error.message : describeNetworkError(error, target.host)))
    })
    req.on('response', (response) => {
      const durationMs = elapsed(startedAt)
      let excerpt = ''
      let finished = false
      let bodyTimer: NodeJS.Timeout | undefined
      const finish = () => {
        if (finished) return
        finished = true
        clearTimeout(bodyTimer)
        response.destroy()
        settle(classify(response, excerpt.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_BYTES), now(), durationMs))
      }
      clearTimeout(timer)
      const status = response.statusCode ?? 0
      // The status decides a delivery at once; only a refusal's body is read, briefly, to explain it.
      if ((status >= 200 && status < 300) || status === 410) {
        settle(classify(response, '', now(), durationMs))
        return drainForReuse(response)
      }
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        excerpt += chunk
        if (excerpt.length >= EXCERPT_BYTES) finish()
      })
      response.on('end', finish)
      response.on('error', finish)
      bodyTimer = setTimeout(finish, EXCERPT_WAIT_MS)
    })
    req.end(body)
  })
}

/** Reads a settled answer to its end so its connection can carry the next message; a long or slow one is cut. */
function drainForReuse(response: IncomingMessage): void {
  let bytes = 0
  const cut = setTimeout(() => response.destroy(), EXCERPT_WAIT_MS)
  response.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes > DRAINED_BYTES) response.destroy()
  })
  response.on('close', () => clearTimeout(cut))
  response.on('error', () => clearTimeout(cut))
}

function describeNetworkError(error: NodeJS.ErrnoException, host: string): string {
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve ${host}: check the endpoint URL`
    case 'ECONNREFUSED':
      return `${host} refused the connection: is the receiver running?`
    case 'ECONNRESET':
      return `${host} closed the connection before answering`
    default:
      return error.message
  }
}
