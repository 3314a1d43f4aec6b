import { createServer } from 'node:http'

/**
 * A webhook receiver on 127.0.0.1 that answers 204 to every POST and remembers when each
 * message arrived (`performance.now()` of this process) with its parsed JSON body.
 *
 * @example
 * const receiver = await startWebhookReceiver()
 * // … point an endpoint at receiver.url …
 * receiver.received // [{ at, body }]
 * await receiver.close()
 */
export async function startWebhookReceiver() {
  const received = []
  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      const at = performance.now()
      let body = null
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        // counted all the same: the figure is arrivals
      }
      received.push({ at, body })
      response.writeHead(204).end()
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
}
