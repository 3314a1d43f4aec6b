import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../../collector-env.js'
import { errorHandler } from '../error-handler/index.js'
import { serverLane } from './index.js'

/** An app whose handler holds each request until the test lets it go, counting how many run at once. */
function heldApp(options: { concurrency: number; maxWaiting: number }) {
  const held: Array<() => void> = []
  const running = { now: 0, most: 0 }
  const app = new Hono<CollectorEnv>()
  app.use('*', serverLane({ ...options, keyOf: (c) => c.req.header('X-Key') ?? '' }))
  app.post('/', async (c) => {
    running.now += 1
    running.most = Math.max(running.most, running.now)
    await new Promise<void>((resolve) => held.push(resolve))
    running.now -= 1
    return c.text('stored')
  })
  app.onError(errorHandler())
  const send = (key = 'backend') => app.request('/', { method: 'POST', headers: { 'X-Key': key } })
  /** Lets every held request finish, including those that start meanwhile, until `settled` resolves. */
  async function releaseAll<T>(settled: Promise<T>): Promise<T> {
    let done = false
    void settled.finally(() => (done = true))
    while (!done) {
      held.splice(0).forEach((release) => release())
      await new Promise((resolve) => setImmediate(resolve))
    }
    return settled
  }
  return { send, held, running, releaseAll }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('serverLane', () => {
  it('makes a burst take turns, a few at a time, and refuses none of it', async () => {
    const { send, running, releaseAll } = heldApp({ concurrency: 3, maxWaiting: 100 })
    const burst = Promise.all(Array.from({ length: 40 }, () => send()))
    await tick()
    expect(running.now).toBe(3)
    const answers = await releaseAll(burst)
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200))
    expect(running.most).toBe(3)
  })

  it('never makes another caller wait behind a burst', async () => {
    const { send, running, held, releaseAll } = heldApp({ concurrency: 2, maxWaiting: 100 })
    const burst = Promise.all(Array.from({ length: 20 }, () => send('backend')))
    await tick()
    const other = send('shop-visitor')
    await tick()
    expect(running.now).toBe(3)
    held[2]!()
    expect((await other).status).toBe(200)
    await releaseAll(burst)
  })

  it('answers 429 with Retry-After only once the caller already has maxWaiting requests waiting', async () => {
    const { send, releaseAll } = heldApp({ concurrency: 1, maxWaiting: 2 })
    const admitted = Promise.all([send(), send(), send()])
    await tick()
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('1')
    expect((await refused.json()).error.code).toBe('rate_limited')
    expect((await releaseAll(admitted)).map((answer) => answer.status)).toEqual([200, 200, 200])
  })
})
