import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import { fakeCollector, hidePage, loadCreateTracker, settle, showPage, uniqueWriteKey } from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})

// Any error thrown or rejection left unhandled by the tracker fails the test.
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
process.on('unhandledRejection', onUnhandled)
afterEach(() => {
  expect(unhandled).toEqual([])
  showPage()
})

function setup(options: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const tracker = createTracker({
    writeKey,
    endpoint: 'https://collector.test',
    flushInterval: 60_000,
    debug: true,
    ...options,
  })
  return { collector, tracker, warned: (code: string) => warn.mock.calls.filter((call) => call[1] === code).length }
}

describe('hostile input from the host page', () => {
  it('cleans what JSON cannot carry, keeps the event, and warns once', async () => {
    const { collector, tracker, warned } = setup()
    const circular: Record<string, unknown> = { name: 'loop' }
    circular.self = circular
    const throwing = {
      ok: 1,
      get bad(): never {
        throw new Error('getter')
      },
    }
    tracker.track('weird', {
      big: 12345678901234567890n,
      when: new Date(0),
      fn() {},
      sym: Symbol('s'),
      circular,
      long: 'x'.repeat(10_000),
      frozen: Object.freeze({ a: 1 }),
      proxied: new Proxy({ b: 2 }, {}),
      nan: NaN,
      [Symbol('key')]: 1,
    })
    tracker.track('weird again', { circular })
    tracker.track('throwing getter on top', throwing)
    await tracker.flush()
    const [weird, again, getter] = collector.events()
    expect(weird!.properties).toEqual({
      big: '12345678901234567890',
      when: '1970-01-01T00:00:00.000Z',
      circular: { name: 'loop' },
      long: 'x'.repeat(4096),
      frozen: { a: 1 },
      proxied: { b: 2 },
      nan: null,
    })
    expect(again!.properties).toEqual({ circular: { name: 'loop' } })
    expect(getter!.properties).toEqual({ ok: 1 })
    expect(warned('cleaned-values')).toBe(1)
  })

  it('drops, with a warning, an event it cannot serialise or that exceeds 32 KB', async () => {
    const { collector, tracker, warned } = setup()
    tracker.track('huge', { parts: Array.from({ length: 20 }, () => 'y'.repeat(4000)) })
    tracker.track('nested getter', {
      inner: {
        get boom(): never {
          throw new Error('boom')
        },
      },
    })
    tracker.track('fine')
    await tracker.flush()
    expect(collector.names()).toEqual(['fine'])
    expect(warned('event-dropped')).toBe(1)
  })

  it('holds events tracked while the page has JSON.stringify broken, and sends them once it works again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { collector, tracker } = setup()
    const stringify = JSON.stringify
    JSON.stringify = () => {
      throw new Error('page broke it')
    }
    try {
      expect(() => tracker.track('while broken', { n: 1 })).not.toThrow()
      await vi.advanceTimersByTimeAsync(3000)
    } finally {
      JSON.stringify = stringify
    }
    await vi.advanceTimersByTimeAsync(1000)
    await settle()
    await tracker.flush()
    expect(collector.events().map((event) => [event.event, event.properties])).toEqual([['while broken', { n: 1 }]])
  })

  it('keeps the order of the events that waited for JSON.stringify, whenever the page repairs it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { collector, tracker } = setup()
    const stringify = JSON.stringify
    JSON.stringify = () => {
      throw new Error('page broke it')
    }
    try {
      tracker.track('first')
      // The page repairs it on a timer of its own, due at the same time as the tracker's retry.
      setTimeout(() => (JSON.stringify = stringify), 1000)
      tracker.track('second')
      await vi.advanceTimersByTimeAsync(2000)
    } finally {
      JSON.stringify = stringify
    }
    await settle()
    await tracker.flush()
    expect(collector.names()).toEqual(['first', 'second'])
  })

  it('survives a page that broke fetch and console', async () => {
    const { collector, tracker } = setup()
    vi.spyOn(console, 'warn').mockImplementation(() => {
      throw new Error('console broken')
    })
    expect(() => tracker.track(42 as unknown as string, 'not an object' as never)).not.toThrow()
    vi.stubGlobal('fetch', () => {
      throw new Error('fetch broken')
    })
    tracker.track('queued')
    await settle()
    expect(() => hidePage()).not.toThrow()
    await expect(tracker.flush()).resolves.toBeUndefined()
    expect(collector.requests).toHaveLength(0)
  })

  it('turns bad names and arguments into warnings, never into exceptions', async () => {
    const { collector, tracker, warned } = setup()
    const calls: Array<() => unknown> = [
      () => tracker.track(undefined as never),
      () => tracker.track({} as never),
      () => tracker.track('   '),
      () => tracker.track(Symbol('x') as never),
      () => tracker.track('ok', [1, 2] as never),
      () => tracker.page(123 as never, null as never),
      () => tracker.identify(null as never),
      () => tracker.identify('ada@example.com' as never),
      () => tracker.identify({ email: 42 as never, userId: 7 as never, attributes: 'x' as never }),
      () => tracker.cartUpdated(undefined as never),
      () =>
        tracker.orderCompleted(
          new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error('trap')
              },
            },
          ) as never,
        ),
    ]
    for (const call of calls) expect(call).not.toThrow()
    await tracker.flush()
    expect(warned('no-event-name')).toBe(1)
    expect(collector.names()).toContain('ok')
    expect(collector.events().find((event) => event.type === 'page')?.name).toBe('123')
    expect(collector.events().find((event) => event.userId === '7')).toBeTruthy()
  })

  it('starts from any options, even none, without throwing', () => {
    const throwingOptions = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap')
        },
      },
    )
    for (const options of [undefined, null, 'wk', throwingOptions, { writeKey: 'wk', endpoint: 42, plugins: 'no' }]) {
      let tracker: Tracker | undefined
      expect(() => (tracker = createTracker(options as never))).not.toThrow()
      expect(() => tracker!.track('x')).not.toThrow()
    }
  })
})
