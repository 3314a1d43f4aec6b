import { Agent, request } from 'node:http'

/**
 * Latency of one request at a time (no queueing behind other connections): GETs `url`
 * back to back until `durationS` or `maxRequests`, timed with hrtime around each.
 * One keep-alive socket, so connection set-up is not part of the figure.
 *
 * @example
 * const { p50Ms, p99Ms, count } = await sequentialLatency({ url, headers, durationS: 2 })
 */
export async function sequentialLatency({ url, headers = {}, durationS, maxRequests = 5000 }) {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${target.hostname}: the bench only loads 127.0.0.1`)
  const samples = []
  let failures = 0
  const deadline = process.hrtime.bigint() + BigInt(Math.round(durationS * 1e9))
  while (samples.length + failures < maxRequests && process.hrtime.bigint() < deadline) {
    const t0 = process.hrtime.bigint()
    const status = await get(target, headers)
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (status === 200) samples.push(ms)
    else failures++
  }
  samples.sort((a, b) => a - b)
  const at = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]
  return { count: samples.length, failures, p50Ms: at(0.5), p99Ms: at(0.99) }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

function get(target, headers) {
  return new Promise((resolve) => {
    const req = request(target, { method: 'GET', headers, agent }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', () => resolve(0))
    req.end()
  })
}
