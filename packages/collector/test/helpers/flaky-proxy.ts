import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * How the proxy spoils a request it was told to spoil:
 * - `503`: answers 503 itself; the collector never sees the request (nothing stored);
 * - `reset-after-commit`: forwards it, waits for the collector's answer (the events are
 *   committed), then drops the connection, so the client never learns it succeeded.
 */
export type FailureMode = '503' | 'reset-after-commit'

export interface FlakyProxy {
  url: string
  /** Requests seen so far, spoiled or not. */
  requests: number
  /** Requests spoiled so far. */
  spoiled: number
  close(): Promise<void>
}

/**
 * A real HTTP proxy in front of the collector that spoils the first `failFirst`
 * requests, so a client library's own retries are what delivers its events.
 *
 * @example
 * const proxy = await startFlakyProxy({ target: collector.url, failFirst: 2, mode: '503' })
 * new Analytics({ writeKey, host: proxy.url })
 */
export async function startFlakyProxy(options: {
  target: string
  failFirst: number
  mode: FailureMode
}): Promise<FlakyProxy> {
  const proxy: FlakyProxy = { url: '', requests: 0, spoiled: 0, close: () => closeServer(server) }
  const server: Server = createServer((request, response) => {
    proxy.requests += 1
    const spoil = proxy.spoiled < options.failFirst
    if (spoil) proxy.spoiled += 1
    if (spoil && options.mode === '503') {
      request.resume()
      response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' })
      response.end('{"error":{"code":"unavailable","message":"proxy: try again"}}')
      return
    }
    void forward(options.target, request).then(
      async (answer) => {
        if (spoil) {
          response.socket?.destroy()
          return
        }
        response.writeHead(answer.status, Object.fromEntries(answer.headers))
        response.end(Buffer.from(await answer.arrayBuffer()))
      },
      (error: unknown) => failed(response, error),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}

async function forward(target: string, request: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const answer = await fetch(new URL(request.url ?? '/', target), {
    method: request.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  })
  // The body is read here so that "committed" really means the collector answered.
  const body = Buffer.from(await answer.arrayBuffer())
  const passed = new Headers(answer.headers)
  passed.delete('content-length')
  passed.delete('content-encoding')
  passed.delete('transfer-encoding')
  return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: passed })
}

function failed(response: ServerResponse, error: unknown): void {
  response.writeHead(502, { 'Content-Type': 'text/plain' })
  response.end(`proxy could not reach the collector: ${String(error)}`)
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
