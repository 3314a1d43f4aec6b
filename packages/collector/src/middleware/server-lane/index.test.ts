import { type Context, Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../../collector-env.js'
import { errorHandler } from '../error-handler/index.js'
import { serverLane } from './index.js'

/** An app whose handler holds each request until the test lets it go, counting how many run at once. */
function heldApp(options: { concurrency: number; maxWaiting: number }) {
  const gone = new Set<string>()
  const held: Array<() => void> = []
  const running = { now: 0, most: 0 }
  const app = new Hono<CollectorEnv>()
  const keyOf = (c: Context<CollectorEnv>) => c.req.header('X-Key') ?? ''
  app.use('*', serverLane({ ...options, keyOf, clientGone: (c) => gone.has(c.req.header('X-Request') ?? '') }))
  const handled: string[] = []
  app.post('/', async (c) => {
    handled.push(c.req.header('X-Request') ?? '')
    running.now += 1
    running.most = Math.max(running.most, running.now)
    await new Promise<void>((resolve) => held.push(resolve))
    running.now -= 1
    return c.text('stored')
  })
  app.onError(errorHandler())
  const send = (key = 'backend', request = '') =>
    app.request('/', { method: 'POST', headers: { 'X-Key': key, 'X-Request': request } })
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
  return { send, held, running, releaseAll, gone, handled }
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

  it('skips a request whose client hung up while it waited, and serves the next one', async () => {
    const { send, held, gone, handled, releaseAll } = heldApp({ concurrency: 1, maxWaiting: 10 })
    const answers = Promise.all(['first', 'timed-out', 'third'].map((request) => send('backend', request)))
    await tick()
    gone.add('timed-out')
    held[0]!()
    const [first, timedOut, third] = await releaseAll(answers)
    expect([first!.status, timedOut!.status, third!.status]).toEqual([200, 408, 200])
    expect(handled).toEqual(['first', 'third'])
  })
})
