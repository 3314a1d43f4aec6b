import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { repoRoot } from '../lib/collector-process.mjs'
import { packageFile } from '../lib/tracker-builds.mjs'
import { pageHtml, trackerPages } from './tracker-pages.mjs'

const types = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
}

/**
 * The one local origin every benchmark page talks to, on 127.0.0.1: it serves the pages,
 * Sillage's build and the peers' builds from node_modules, the few settings documents the
 * peers fetch on load, and answers every other request with 200 (the "endpoint").
 * Pages are cross-origin isolated (COOP/COEP) so `performance.now()` has 5 µs resolution.
 *
 * @example
 * const host = await startTrackerHost()
 * await page.goto(`${host.url}/page/${encodeURIComponent('posthog-js')}`)
 * host.takeCounts() // { requests, events } reaching the endpoint since the last call
 */
export async function startTrackerHost() {
  let endpointRequests = 0
  let eventsDelivered = 0
  let eventsUncounted = false
  let origin = ''

  const server = createServer((req, res) => {
    const url = new URL(req.url, origin)
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    }
    const send = (status, type, body) => {
      res.writeHead(status, { ...headers, 'content-type': type })
      res.end(body)
    }

    if (req.method === 'GET' && url.pathname.startsWith('/page/')) {
      const page = trackerPages.find((p) => p.name === decodeURIComponent(url.pathname.slice(6)))
      return page ? send(200, 'text/html; charset=utf-8', pageHtml(page)) : send(404, 'text/plain', 'no such page')
    }
    if (req.method === 'GET' && url.pathname.startsWith('/sillage/')) {
      return sendFile(send, join(repoRoot, 'packages/tracker/dist'), url.pathname.slice('/sillage/'.length))
    }
    if (req.method === 'GET' && url.pathname.startsWith('/vendor/')) {
      const rest = url.pathname.slice('/vendor/'.length)
      const parts = rest.split('/')
      const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
      let dir
      try {
        dir = packageFile(name, '')
      } catch {
        return send(404, 'text/plain', 'not installed')
      }
      return sendFile(send, dir, rest.slice(name.length + 1))
    }

    // Everything else is the endpoint: read the body, count its events, answer 200.
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...headers,
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-headers': '*',
          'access-control-allow-methods': '*',
        })
        return res.end()
      }
      endpointRequests++
      if (req.method === 'POST') {
        const count = countEvents(Buffer.concat(chunks), url, req.headers)
        if (count === null) eventsUncounted = true
        else eventsDelivered += count
      }
      if (/^\/v1\/projects\/[^/]+\/settings$/.test(url.pathname))
        return send(200, 'application/json', segmentSettings(url.host))
      if (url.pathname.startsWith('/sourceConfig')) return send(200, 'application/json', rudderSourceConfig)
      return send(200, 'application/json', '{"accepted":0,"duplicates":0,"rejected":[],"status":1}')
    })
  })

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${server.address().port}`
  return {
    url: origin,
    /** Endpoint requests and the events they carried since the last call (events null: a body it could not read). */
    takeCounts() {
      const counts = { requests: endpointRequests, events: eventsUncounted ? null : eventsDelivered }
      endpointRequests = 0
      eventsDelivered = 0
      eventsUncounted = false
      return counts
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
}

/**
 * Events in one tracker request, whatever its format: a JSON array, `{batch: […]}`
 * (Segment spec), `{data: […]}` (Snowplow), one JSON object, gzip (PostHog) or a
 * `data=` base64 form (PostHog's fallback). Null when the body cannot be read.
 */
function countEvents(body, url, headers) {
  let text
  try {
    const gzipped =
      headers['content-encoding'] === 'gzip' ||
      url.searchParams.get('compression') === 'gzip-js' ||
      (body[0] === 0x1f && body[1] === 0x8b)
    text = (gzipped ? gunzipSync(body) : body).toString('utf8')
    if (text.startsWith('data='))
      text = Buffer.from(decodeURIComponent(text.slice(5).split('&')[0]), 'base64').toString('utf8')
    const value = JSON.parse(text)
    if (Array.isArray(value)) return value.length
    if (Array.isArray(value?.batch)) return value.batch.length
    if (Array.isArray(value?.data)) return value.data.length
    return value && typeof value === 'object' ? 1 : null
  } catch {
    return null
  }
}

function sendFile(send, dir, relativePath) {
  const path = normalize(join(dir, relativePath))
  if (!path.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !existsSync(path))
    return send(404, 'text/plain', 'not found')
  return send(200, types[extname(path)] ?? 'application/octet-stream', readFileSync(path))
}

/** What cdn.segment.com would answer: only the Segment.io destination, pointed back here, no metrics. */
function segmentSettings(host) {
  return JSON.stringify({
    integrations: {
      'Segment.io': {
        apiKey: 'bench-write-key',
        apiHost: `${host}/v1`,
        protocol: 'http',
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
      },
    },
    plan: { track: { __default: { enabled: true, integrations: {} } } },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  })
}

/** What RudderStack's control plane would answer: one enabled source, no device-mode destinations. */
const rudderSourceConfig = JSON.stringify({
  isHosted: false,
  source: {
    id: 'bench-source',
    name: 'bench',
    writeKey: 'bench-write-key',
    enabled: true,
    workspaceId: 'bench-workspace',
    updatedAt: '2024-01-01T00:00:00.000Z',
    config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } },
    destinations: [],
  },
})
