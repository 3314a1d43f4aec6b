import { describe, expect, it } from 'vitest'
import { SECRET_KEY, basic, testCollector, trackEvent } from '../../test/helpers/test-collector.js'

const fromPage = { Origin: 'https://shop.example' }

async function limitedCollector() {
  const clock = { now: 0 }
  const collector = await testCollector({ rateLimit: { requestsPerSecond: 1, burst: 2, now: () => clock.now } })
  const batch = (headers: Record<string, string> = {}) =>
    collector.post('/v1/batch', { batch: [trackEvent()] }, headers)
  return { ...collector, clock, batch }
}

describe('ingestion limits', () => {
  it('limits browser traffic (with an Origin): 429 with Retry-After past the burst, refilled with time', async () => {
    const { batch, clock } = await limitedCollector()
    expect((await batch(fromPage)).status).toBe(200)
    expect((await batch(fromPage)).status).toBe(200)
    const limited = await batch(fromPage)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('1')
    expect((await limited.json()).error).toEqual({ code: 'rate_limited', message: 'Too many requests; retry in 1 s.' })
    clock.now += 1000
    expect((await batch(fromPage)).status).toBe(200)
    expect((await batch(fromPage)).status).toBe(429)
  })

  it('never refuses server traffic (no Origin) for its rate: a burst at one instant is stored whole', async () => {
    const { batch, read } = await limitedCollector()
    const answers = await Promise.all(Array.from({ length: 60 }, () => batch()))
    expect(answers.map((answer) => answer.status)).toEqual(Array(60).fill(200))
    const { events } = await (await read('/v1/events?limit=100')).json()
    expect(events).toHaveLength(60)
  })

  it("keeps a server burst from eating a page's budget, and a page's 429s from touching the server", async () => {
    const { batch } = await limitedCollector()
    await Promise.all(Array.from({ length: 10 }, () => batch()))
    expect((await batch(fromPage)).status).toBe(200)
    expect((await batch(fromPage)).status).toBe(200)
    expect((await batch(fromPage)).status).toBe(429)
    expect((await batch()).status).toBe(200)
  })

  it('treats the secret key as a server even when the request carries an Origin', async () => {
    const { batch } = await limitedCollector()
    const asServer = { ...fromPage, Authorization: basic(SECRET_KEY) }
    const answers = await Promise.all(Array.from({ length: 5 }, () => batch(asServer)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
  })
})
