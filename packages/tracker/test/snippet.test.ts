import { afterEach, describe, expect, it } from 'vitest'
import { fakeCollector, loadSnippet, uniqueWriteKey } from './harness.js'

type Page = Record<string, any>
const page = window as unknown as Page

function scriptTag(attributes: Record<string, string>) {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  document.head.append(script)
}

afterEach(() => {
  for (const script of document.querySelectorAll('script')) script.remove()
  delete page.sillage
  delete page.Brevo
})

describe('script tag', () => {
  it('reads data-write-key, sends to its own origin by default, and records page_visited on load', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    scriptTag({ src: 'https://collector.test/sillage.js', 'data-write-key': writeKey })
    await loadSnippet()
    await page.sillage.flush()
    expect(collector.requests[0]!.url.origin).toBe('https://collector.test')
    expect(collector.events().map((event) => event.type)).toEqual(['page'])
  })

  it('replays window.sillage in order, applying init (here: the write key) before anything else', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    page.sillage = [
      ['track', 'first', { n: 1 }],
      ['identify', { email: 'ada@example.com' }],
      ['init', { writeKey, endpoint: 'https://collector.test', autoPage: false, persistence: 'memory' }],
      ['page', 'Home'],
      ['track', 'second'],
    ]
    await loadSnippet()
    await page.sillage.flush()
    expect(collector.events().map((event) => event.event ?? event.type)).toEqual([
      'first',
      'identify',
      'page',
      'second',
    ])
    expect(collector.events()[0]!.properties).toEqual({ n: 1 })
    expect(collector.events()[3]!.context.traits).toEqual({ email: 'ada@example.com' })
    // persistence 'memory' came from init and applied to the very first command.
    expect(localStorage.length).toBe(0)
  })

  it('keeps push and the methods working after load, and exposes create', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    scriptTag({ 'data-write-key': writeKey, 'data-endpoint': 'https://collector.test', 'data-auto-page': 'false' })
    page.sillage = []
    await loadSnippet()
    page.sillage.push(['track', 'pushed'])
    page.sillage.track('called', { a: 1 })
    page.sillage.push('not a command')
    page.sillage.push(['unknown', 1])
    await page.sillage.flush()
    expect(collector.names()).toEqual(['pushed', 'called'])
    expect(typeof page.sillage.create).toBe('function')
  })

  it('holds commands until an init brings the write key', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    await loadSnippet()
    page.sillage.track('early')
    page.sillage.push(['init', { writeKey, endpoint: 'https://collector.test', autoPage: false }])
    page.sillage.track('late')
    await page.sillage.flush()
    expect(collector.names()).toEqual(['early', 'late'])
  })
})

describe('Brevo snippets', () => {
  it('replays window.Brevo commands and keeps Brevo.push working', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    scriptTag({ 'data-write-key': writeKey, 'data-endpoint': 'https://collector.test', 'data-auto-page': 'false' })
    page.Brevo = [
      ['init', { client_key: 'brevo-key' }],
      ['identify', { identifiers: { email_id: 'Ada@Example.com', ext_id: 'u1' }, attributes: { FIRSTNAME: 'Ada' } }],
      ['track', 'cart_updated', { source: 'web' }, { id: 'cart:1', data: { total: 30, currency: 'EUR' } }],
    ]
    await loadSnippet()
    page.Brevo.push(['page', 'Checkout', { step: 2 }])
    page.Brevo.push(['track', 'order_completed'])
    await page.sillage.flush()
    const [identify, cart, checkout, order] = collector.events()
    expect(identify).toMatchObject({
      type: 'identify',
      userId: 'u1',
      traits: { FIRSTNAME: 'Ada', email: 'ada@example.com' },
    })
    expect(cart).toMatchObject({
      event: 'cart_updated',
      userId: 'u1',
      properties: { source: 'web', id: 'cart:1', data: { total: 30, currency: 'EUR' } },
    })
    expect(checkout).toMatchObject({ type: 'page', name: 'Checkout', properties: { step: 2 } })
    expect(order).toMatchObject({ event: 'order_completed', properties: {} })
  })
})
