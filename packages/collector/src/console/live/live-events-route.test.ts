import { describe, expect, it } from 'vitest'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector, trackEvent } from '../../../test/helpers/test-collector.js'
import { createStore } from '../../stores/create-store.js'
import type { Store } from '../../stores/store.js'
import type { HeartbeatClock } from './heartbeat-clock.js'

interface SseMessage {
  event?: string
  id?: string
  data?: string
  comment?: string
}

/** Reads a server-sent event stream message by message, as a browser's EventSource parses it. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  return {
    async next(): Promise<SseMessage> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const message: SseMessage = {}
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':')
            const [field, value] = [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')]
            if (field === '') message.comment = value
            else if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`
            else if (field === 'event' || field === 'id') message[field] = value
          }
          return message
        }
        const { done, value } = await reader.read()
        if (done) throw new Error(`stream ended; left over: ${JSON.stringify(buffer)}`)
        buffer += value
      }
    },
    /** The next message that is an event (skipping retry, heartbeats and cursor moves). */
    async nextEvent(): Promise<SseMessage> {
      for (;;) {
        const message = await this.next()
        if (message.event === 'event') return message
      }
    },
    ended: async () => (await reader.read()).done,
    cancel: () => reader.cancel(),
  }
}

/** A real store that counts the change listeners subscribed right now. */
function countingStore(): { store: Store; listening: () => number } {
  const store = createStore('memory:')
  let listening = 0
  const onChanges = store.onChanges.bind(store)
  store.onChanges = (listener) => {
    listening += 1
    const unsubscribe = onChanges(listener)
    return () => {
      listening -= 1
      unsubscribe()
    }
  }
  return { store, listening: () => listening }
}

/** A heartbeat clock ticked by the test. */
function manualClock() {
  const running = new Map<number, () => void>()
  let next = 0
  const clock: HeartbeatClock = (ms, tick) => {
    const id = next++
    running.set(id, tick)
    intervals.push(ms)
    return () => running.delete(id)
  }
  const intervals: number[] = []
  return { clock, intervals, running: () => running.size, tick: () => [...running.values()].forEach((tick) => tick()) }
}

async function liveConsole(overrides: { shutdown?: AbortSignal } = {}) {
  const counting = countingStore()
  const heartbeat = manualClock()
  const collector = await testCollector({ store: counting.store, heartbeatClock: heartbeat.clock, ...overrides })
  const browser = consoleBrowser(collector.app)
  await browser.signIn()
  const send = async (events: Record<string, unknown>[]) => {
    const response = await collector.post('/v1/batch', { batch: events.map((event) => trackEvent(event)) })
    expect((await response.json()).accepted).toBe(events.length)
  }
  /** Opens the event log with these filters and follows the live stream it links to. */
  const openLive = async (query = '') => {
    const page = await (await browser.get(`/console/events${query}`)).text()
    const url = /data-live="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&')
    const response = await browser.get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
    return sseReader(response)
  }
  return { ...collector, ...counting, heartbeat, browser, send, openLive }
}

describe('the event log live view (GET /console/events/live)', () => {
  it('sends each event committed after the page loaded, as its table row, and only those', async () => {
    const live = await liveConsole()
    await live.send([{ event: 'before_load', messageId: 'before-1' }])
    const stream = await live.openLive()
    await live.send([{ event: 'after_load', messageId: 'after-1', userId: 'ann' }])
    const message = await stream.nextEvent()
    expect(message.data).toContain('data-message-id="after-1"')
    expect(message.data).toContain('<td class="name">after_load</td>')
    expect(message.data).toContain('href="/console/contacts/')
    expect(message.id).toMatch(/^[\w-]+$/)
    await stream.cancel()
  })

  it('sends only the events matching the page’s filters, and moves the cursor past the others', async () => {
    const live = await liveConsole()
    await live.send([{ event: 'seed', anonymousId: 'dev-ann', userId: 'ann' }])
    const stream = await live.openLive('?name=order_completed&contact=ann')
    await live.send([
      { event: 'page_viewed', anonymousId: 'dev-ann', messageId: 'wrong-name' },
      { event: 'order_completed', anonymousId: 'dev-bob', messageId: 'wrong-contact' },
    ])
    await live.send([{ event: 'order_completed', anonymousId: 'dev-ann', messageId: 'right' }])
    const seen: SseMessage[] = []
    for (let message = await stream.next(); ; message = await stream.next()) {
      seen.push(message)
      if (message.event === 'event') break
    }
    const events = seen.filter((message) => message.event === 'event')
    expect(events.map((message) => /data-message-id="([^"]+)"/.exec(message.data!)![1])).toEqual(['right'])
    // The first batch matched nothing, yet the browser's cursor moved past it.
    expect(seen.some((message) => message.id !== undefined && message.event === undefined)).toBe(true)
    await stream.cancel()
  })

  it('resumes after Last-Event-ID when the browser reconnects', async () => {
    const live = await liveConsole()
    const stream = await live.openLive()
    await live.send([{ event: 'first', messageId: 'first' }])
    const first = await stream.nextEvent()
    await stream.cancel()
    await live.send([{ event: 'second', messageId: 'second' }])
    const again = await live.browser.get('/console/events/live', { 'Last-Event-ID': first.id! })
    const resumed = sseReader(again)
    expect((await resumed.nextEvent()).data).toContain('data-message-id="second"')
    await resumed.cancel()
  })

  it('sends a heartbeat comment at each tick of its clock', async () => {
    const live = await liveConsole()
    const stream = await live.openLive()
    expect(await stream.next()).toEqual({}) // the retry hint
    expect(live.heartbeat.intervals).toEqual([15_000])
    live.heartbeat.tick()
    expect(await stream.next()).toEqual({ comment: 'heartbeat' })
    live.heartbeat.tick()
    expect(await stream.next()).toEqual({ comment: 'heartbeat' })
    await stream.cancel()
  })

  it('removes its change listener and stops its heartbeat when the client leaves', async () => {
    const live = await liveConsole()
    expect(live.listening()).toBe(0)
    const stream = await live.openLive()
    await stream.next()
    await expect.poll(live.listening).toBe(1)
    expect(live.heartbeat.running()).toBe(1)
    await stream.cancel()
    await expect.poll(live.listening).toBe(0)
    expect(live.heartbeat.running()).toBe(0)
  })

  it('ends the stream once the session is signed out', async () => {
    const live = await liveConsole()
    const stream = await live.openLive()
    await stream.next()
    const cookie = live.browser.cookie()
    await live.browser.post('/console/sign-out')
    live.browser.setCookie(cookie)
    live.heartbeat.tick()
    await live.send([{ event: 'after_sign_out' }])
    expect(await stream.ended()).toBe(true)
    await expect.poll(live.listening).toBe(0)
  })

  it('ends the stream when the process begins to stop, so a graceful stop does not wait for it', async () => {
    const shutdown = new AbortController()
    const live = await liveConsole({ shutdown: shutdown.signal })
    const stream = await live.openLive()
    await stream.next()
    shutdown.abort()
    expect(await stream.ended()).toBe(true)
    await expect.poll(live.listening).toBe(0)
    expect(live.heartbeat.running()).toBe(0)
  })

  it('refuses without a session, and with a filter or cursor it cannot follow', async () => {
    const live = await liveConsole()
    const anonymous = consoleBrowser(live.app)
    const refused = await anonymous.get('/console/events/live')
    expect(refused.status).toBe(303)
    expect(refused.headers.get('Location')).toMatch(/^\/console\/sign-in\?next=/)

    const badType = await live.browser.get('/console/events/live?type=shout')
    expect(badType.status).toBe(400)
    expect(await badType.text()).toContain('must be one of')
    const unknown = await live.browser.get('/console/events/live?contact=nobody%40example.com')
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('No contact matches')
    const badCursor = await live.browser.get('/console/events/live?after=not-a-cursor')
    expect(badCursor.status).toBe(400)
    expect(live.listening()).toBe(0)
  })
})
