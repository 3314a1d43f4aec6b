import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../../test/helpers/webhook-receiver.js'
import { createEndpointLimiter, EndpointBusyError } from './endpoint-limiter.js'
import { sendWebhook } from './send-webhook.js'
import { generateWebhookSecret } from './webhook-secret.js'

const secret = generateWebhookSecret()
const receivers: WebhookReceiver[] = []

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
})

/** Resolves once `check` holds, looking again on each turn of the event loop (no fixed sleep). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve))
}

describe('createEndpointLimiter with two real receivers, one slow', () => {
  it('delivers to the fast endpoint while the slow one holds its own slots, and no more', async () => {
    const held: ServerResponse[] = []
    const slow = await startWebhookReceiver((_, response) => held.push(response))
    const fast = await startWebhookReceiver()
    receivers.push(slow, fast)
    const limiter = createEndpointLimiter({ concurrency: 2 })
    const deliver = (endpointId: string, url: string, n: number) =>
      limiter.run(endpointId, () =>
        sendWebhook({ url, messageId: `msg_${endpointId}_${n}`, body: '{}', secrets: [secret], allowPrivate: true }),
      )

    const toSlow = [1, 2, 3, 4, 5].map((n) => deliver('wh_slow', slow.url, n))
    const toFast = [1, 2, 3, 4, 5].map((n) => deliver('wh_fast', fast.url, n))

    const fastAttempts = await Promise.all(toFast)
    expect(fastAttempts.map((attempt) => attempt.outcome)).toEqual(Array(5).fill('delivered'))
    await until(() => held.length === 2)
    expect(slow.received).toHaveLength(2)
    expect(limiter.load('wh_slow')).toEqual({ active: 2, waiting: 3 })
    expect(limiter.load('wh_fast')).toEqual({ active: 0, waiting: 0 })

    // Each answer frees a slot for the next message, never more than two at the receiver.
    for (let answered = 0; answered < 5; answered++) {
      await until(() => held.length > 0)
      expect(slow.received.length - answered).toBeLessThanOrEqual(2)
      held.shift()!.writeHead(200).end()
    }
    expect((await Promise.all(toSlow)).map((attempt) => attempt.outcome)).toEqual(Array(5).fill('delivered'))
    const ids = slow.received.map((request) => request.headers['webhook-id']).sort()
    expect(ids).toEqual([1, 2, 3, 4, 5].map((n) => `msg_wh_slow_${n}`))
    expect(limiter.load('wh_slow')).toEqual({ active: 0, waiting: 0 })
  })
})

describe('createEndpointLimiter', () => {
  it('frees the slot of a task that fails', async () => {
    const limiter = createEndpointLimiter({ concurrency: 1 })
    await expect(limiter.run('wh_a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await limiter.run('wh_a', async () => 'next')).toBe('next')
    expect(limiter.load('wh_a')).toEqual({ active: 0, waiting: 0 })
  })

  it('refuses to queue without bound for one endpoint', async () => {
    const limiter = createEndpointLimiter({ concurrency: 1, maxWaiting: 1 })
    let release = () => {}
    const first = limiter.run('wh_a', () => new Promise<void>((resolve) => (release = resolve)))
    const second = limiter.run('wh_a', async () => 'second')
    await expect(limiter.run('wh_a', async () => 'third')).rejects.toBeInstanceOf(EndpointBusyError)
    expect(await limiter.run('wh_b', async () => 'other endpoint')).toBe('other endpoint')
    release()
    await first
    expect(await second).toBe('second')
  })
})
