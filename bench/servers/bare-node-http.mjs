/**
 * A second reference below Hono: plain node:http reading the body as a Buffer and
 * JSON.parse-ing it, no web Request/stream objects. The gap between this and bare-hono
 * is what `c.req.json()` costs per request.
 *
 * Usage: node bench/servers/bare-node-http.mjs <port>
 */
import { createServer } from 'node:http'

const port = Number(process.argv[2] ?? process.env.PORT)

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","store":"none"}')
    return
  }
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    const accepted = Array.isArray(body?.batch) ? body.batch.length : 0
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ accepted, duplicates: 0, rejected: [] }))
  })
})
server.listen(port, '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
