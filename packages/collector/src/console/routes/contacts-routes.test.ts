import { describe, expect, it } from 'vitest'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector, trackEvent } from '../../../test/helpers/test-collector.js'

async function shopWithAnn() {
  const collector = await testCollector()
  const batch = [
    trackEvent({ event: 'cart_updated', anonymousId: 'device-ann', timestamp: '2026-01-01T10:00:00Z' }),
    trackEvent({ event: 'cart_updated', anonymousId: 'device-ann', timestamp: '2026-01-01T10:05:00Z' }),
    trackEvent({
      type: 'identify',
      anonymousId: 'device-ann',
      userId: 'ann-1',
      traits: { email: 'Ann@Example.com', plan: 'pro' },
      timestamp: '2026-01-01T10:06:00Z',
    }),
    trackEvent({
      event: 'order_completed',
      userId: 'ann-1',
      anonymousId: 'device-ann',
      timestamp: '2026-01-01T10:07:00Z',
    }),
    trackEvent({ event: 'cart_updated', anonymousId: 'device-bob', timestamp: '2026-01-01T11:00:00Z' }),
  ]
  await collector.post('/v1/batch', { batch })
  const [ann] = (await (await collector.read('/v1/contacts?userId=ann-1')).json()).contacts
  const browser = consoleBrowser(collector.app)
  await browser.signIn()
  return { ...collector, browser, ann }
}

describe('contacts in the console', () => {
  it('finds a contact by email (any case), userId, anonymousId or id', async () => {
    const { browser, ann } = await shopWithAnn()
    for (const q of ['ann@example.com', 'ANN@EXAMPLE.COM', 'ann-1', 'device-ann', ann.id]) {
      const html = await (await browser.get(`/console/contacts?q=${encodeURIComponent(q)}`)).text()
      expect(html, q).toContain(`href="/console/contacts/${ann.id}"`)
      expect(html.match(/href="\/console\/contacts\/[^"/]+"/g), q).toHaveLength(1)
    }
    const none = await (await browser.get('/console/contacts?q=nobody')).text()
    expect(none).toContain('No contact matches “nobody”')
  })

  it('lists every contact, most recently active first, with its events count and last seen', async () => {
    const { browser, ann } = await shopWithAnn()
    const html = await (await browser.get('/console/contacts')).text()
    const rows = [...html.matchAll(/<tr data-contact-row[^>]*>(.*?)<\/tr>/gs)].map((match) => match[1]!)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('Anonymous device-bob')
    expect(rows[1]).toContain(`href="/console/contacts/${ann.id}">ann@example.com</a>`)
    expect(rows[1]).toContain('<data value="4">4</data>')
    expect(rows[1]).toContain('<time datetime="2026-01-01T10:07:00.000Z"')
    expect(html).not.toContain('rel="next"')
  })

  it('pages through the contacts list, and refuses a forged page link with a 400', async () => {
    const collector = await testCollector()
    const batch = Array.from({ length: 53 }, (_, index) =>
      trackEvent({
        anonymousId: `visitor-${String(index).padStart(2, '0')}`,
        timestamp: `2026-01-01T10:${String(index).padStart(2, '0')}:00Z`,
      }),
    )
    await collector.post('/v1/batch', { batch })
    const browser = consoleBrowser(collector.app)
    await browser.signIn()
    const first = await (await browser.get('/console/contacts')).text()
    expect(first.match(/data-contact-row/g)).toHaveLength(50)
    expect(first).toContain('Anonymous visitor-52')
    const next = /<a href="([^"]+)" rel="next">/.exec(first)![1]!.replace(/&amp;/g, '&')
    const second = await (await browser.get(next)).text()
    const names = [...second.matchAll(/Anonymous (visitor-\d+)/g)].map((match) => match[1])
    expect(names).toEqual(['visitor-02', 'visitor-01', 'visitor-00'])
    expect(second).toContain('<a href="/console/contacts">Most recently active</a>')
    expect(second).not.toContain('rel="next"')
    const forged = await browser.get('/console/contacts?cursor=forged')
    expect(forged.status).toBe(400)
    expect(await forged.text()).toContain('That page link is no longer valid')
  })

  it("shows a contact's identifiers, attributes, summaries and timeline", async () => {
    const { browser, ann } = await shopWithAnn()
    const html = await (await browser.get(`/console/contacts/${ann.id}`)).text()
    expect(html).toContain('<h1>ann@example.com</h1>')
    expect(html).toContain('<dd>device-ann</dd>')
    expect(html).toContain('<dt>plan</dt><dd>pro</dd>')
    const summaryRow = /<tr><td><a [^>]*>cart_updated<\/a><\/td><td class="num"><data value="(\d+)">/.exec(html)
    expect(summaryRow?.[1]).toBe('2')
    expect(html).toContain('<time datetime="2026-01-01T10:00:00.000Z"')
    expect(html.match(/data-event-row/g)).toHaveLength(4) // Bob's event is not Ann's
  })

  it("shows a contact's latest changes from the change feed, newest first", async () => {
    const { browser, ann, post } = await shopWithAnn()
    await post('/v1/batch', { batch: [trackEvent({ event: 'cart_updated', anonymousId: 'device-ann-phone' })] })
    const signedIn = trackEvent({ event: 'signed_in', anonymousId: 'device-ann-phone', userId: 'ann-1' })
    await post('/v1/batch', { batch: [signedIn] })
    const html = await (await browser.get(`/console/contacts/${ann.id}`)).text()
    const section = /<section aria-labelledby="changes">(.*?)<\/section>/s.exec(html)![1]!
    const rows = [...section.matchAll(/<tr data-change-row[^>]*>(.*?)<\/tr>/gs)].map((match) =>
      match[1]!.replace(/<[^>]+>/g, '|'),
    )
    expect(rows[0]).toContain('|event.stored||track signed_in|')
    expect(rows[1]).toMatch(/\|contact\.merged\|\|Contact \S+ merged in\|/)
    // The merged-away phone's own entries are part of Ann's story now.
    expect(rows.some((row) => row.includes('track cart_updated'))).toBe(true)
    expect(rows.some((row) => row.includes('Attributes set: '))).toBe(true)
    expect(rows.at(-1)).toContain('|contact.created||First seen|')
    expect(rows.length).toBeLessThanOrEqual(20)
  })

  it('exports everything about a contact as one JSON document', async () => {
    const { browser, ann, read } = await shopWithAnn()
    const response = await browser.get(`/console/contacts/${ann.id}/export.json`)
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="sillage-contact-${ann.id}.json"`)
    const exported = await response.json()
    expect(exported.contact).toEqual(await (await read(`/v1/contacts/${ann.id}`)).json())
    expect(exported.events).toEqual((await (await read(`/v1/contacts/${ann.id}/events`)).json()).events)
  })

  it('erases a contact only after the confirmation, then says so', async () => {
    const { browser, ann, read } = await shopWithAnn()
    const confirm = await (await browser.get(`/console/contacts/${ann.id}/erase`)).text()
    expect(confirm).toContain('and its <data value="4">4</data> events, for good')
    expect((await read(`/v1/contacts/${ann.id}`)).status).toBe(200)

    const erased = await browser.post(`/console/contacts/${ann.id}/erase`)
    expect(erased.status).toBe(303)
    expect(erased.headers.get('Location')).toBe('/console/contacts?erased=ann%40example.com')
    expect((await read(`/v1/contacts/${ann.id}`)).status).toBe(404)
    const left: { anonymousId: string }[] = (await (await read('/v1/events')).json()).events
    expect(left.map((event) => event.anonymousId)).toEqual(['device-bob'])
    const notice = await (await browser.get('/console/contacts?erased=ann%40example.com')).text()
    expect(notice).toContain('Erased ann@example.com, with its identifiers, summaries and events.')
    expect((await browser.get(`/console/contacts/${ann.id}`)).status).toBe(404)
  })
})
