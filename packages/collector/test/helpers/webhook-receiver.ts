import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** performance.now() when the request arrived. */
  at: number
}

export interface WebhookReceiver {
  url: string
  port: number
  received: ReceivedWebhook[]
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 that records each request and lets `answer` reply (or
 * not reply at all, to play a receiver that hangs).
 *
 * @example
 * const receiver = await startWebhookReceiver((request, response) => response.writeHead(204).end())
 */
export async function startWebhookReceiver(
  answer: (request: ReceivedWebhook, response: ServerResponse) => void = (_, response) => response.writeHead(204).end(),
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const server = createServer((req, res) => {
    const at = performance.now()
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const request = { path: req.url ?? '/', headers: req.headers, body, at }
      received.push(request)
      answer(request, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
