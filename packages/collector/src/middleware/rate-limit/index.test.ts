import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../../collector-env.js'
import { errorHandler } from '../error-handler/index.js'
import { rateLimit } from './index.js'

function limitedApp(clock: { now: number }) {
  const app = new Hono<CollectorEnv>()
  app.use(
    '*',
    rateLimit({ requestsPerSecond: 2, burst: 3, now: () => clock.now, keyOf: (c) => c.req.header('X-Key') ?? '' }),
  )
  app.get('/', (c) => c.text('ok'))
  app.onError(errorHandler())
  const hit = (key = 'a') => app.request('/', { headers: { 'X-Key': key } })
  return hit
}

describe('rateLimit', () => {
  it('lets a burst through, then answers 429 with Retry-After in the error shape', async () => {
    const clock = { now: 0 }
    const hit = limitedApp(clock)
    for (let i = 0; i < 3; i += 1) expect((await hit()).status).toBe(200)
    const limited = await hit()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('1')
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many requests; retry in 1 s.' },
    })
  })

  it('refills at the sustained rate', async () => {
    const clock = { now: 0 }
    const hit = limitedApp(clock)
    for (let i = 0; i < 3; i += 1) await hit()
    expect((await hit()).status).toBe(429)
    clock.now += 500
    expect((await hit()).status).toBe(200)
    expect((await hit()).status).toBe(429)
  })

  it('keeps callers apart', async () => {
    const clock = { now: 0 }
    const hit = limitedApp(clock)
    for (let i = 0; i < 3; i += 1) await hit('a')
    expect((await hit('a')).status).toBe(429)
    expect((await hit('b')).status).toBe(200)
  })
})
