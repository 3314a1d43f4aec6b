import autocannon from 'autocannon'

/**
 * Runs autocannon against a 127.0.0.1 URL for a bounded time and returns the figures the
 * tables need. `nextBody` (optional) is called once per request, through autocannon's
 * `setupRequest` hook, so bodies can differ per request.
 *
 * @example
 * const r = await runLoad({ url: 'http://127.0.0.1:8787/v1/batch', method: 'POST', durationS: 5, nextBody })
 * r.requestsPerS, r.p50Ms, r.p99Ms, r.non2xx
 */
export async function runLoad({ url, method = 'GET', headers = {}, nextBody, durationS, connections = 32 }) {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
    throw new Error(`refusing to load ${target.hostname}: the bench only loads 127.0.0.1`)
  }
  const request = { method, path: target.pathname + target.search, headers }
  if (nextBody) {
    request.setupRequest = (req) => {
      req.body = nextBody()
      return req
    }
  }
  const result = await autocannon({
    url: target.origin,
    connections,
    pipelining: 1,
    duration: durationS,
    timeout: 20,
    requests: [request],
  })
  const ok = result['2xx']
  const seconds = result.duration || durationS
  return {
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: result.statusCodeStats,
    seconds,
    requestsPerS: ok / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  }
}
