/**
 * The HTTP limit of this machine: a bare @hono/node-server route that parses the same
 * JSON the collector gets and answers 200 in the collector's response shape, storing
 * nothing. Each store is reported as a ratio to what this process manages.
 *
 * Usage: node bench/servers/bare-hono.mjs <port>
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const port = Number(process.argv[2] ?? process.env.PORT)
const app = new Hono()

app.get('/healthz', (c) => c.json({ status: 'ok', store: 'none' }))
app.post('/v1/batch', async (c) => {
  const body = await c.req.json()
  const accepted = Array.isArray(body?.batch) ? body.batch.length : 0
  return c.json({ accepted, duplicates: 0, rejected: [] })
})

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
// A clean exit on SIGTERM, so `node --cpu-prof` gets to write its profile.
process.on('SIGTERM', () => server.close(() => process.exit(0)))
