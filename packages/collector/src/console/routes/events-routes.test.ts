import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector, trackEvent } from '../../../test/helpers/test-collector.js'

/** RFC 4180 reader, written independently of the exporter so that it can disagree. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') row.push(field), (field = '')
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += char
  }
  if (field || row.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`)
  return rows
}

async function signedInWith(events: Record<string, unknown>[]) {
  const collector = await testCollector()
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500).map((event) => trackEvent(event))
    const response = await collector.post('/v1/batch', { batch })
    expect((await response.json()).accepted).toBe(Math.min(500, events.length - i))
  }
  const browser = consoleBrowser(collector.app)
  await browser.signIn()
  return { ...collector, browser }
}

const awkward = {
  event: 'comma, "quote"\nnewline',
  userId: 'user "one", inc.',
  anonymousId: 'a\r\nb',
  properties: { note: 'x,"y"\nz', emoji: '🎉' },
  timestamp: '2026-01-02T03:04:05.000Z',
}

describe('event export', () => {
  it('exports CSV that reads back to exactly the stored events, commas, quotes and newlines included', async () => {
    const { browser, read } = await signedInWith([awkward, { event: 'plain', timestamp: '2026-01-01T00:00:00.000Z' }])
    const response = await browser.get('/console/events/export.csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="sillage-events-.*\.csv"$/)
    const [header, ...rows] = parseCsv(await response.text())
    const stored: StoredEvent[] = (await (await read('/v1/events')).json()).events
    expect(rows).toHaveLength(2)
    const asRecords = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])))
    expect(asRecords.map((record) => record.messageId)).toEqual(stored.map((event) => event.messageId))
    const first = asRecords[0]!
    expect(first.name).toBe(awkward.event)
    expect(first.userId).toBe(awkward.userId)
    expect(first.anonymousId).toBe(awkward.anonymousId)
    expect(JSON.parse(first.properties!)).toEqual(awkward.properties)
    expect(JSON.parse(first.context!)).toEqual(stored[0]!.context)
    expect(asRecords[1]!.userId).toBe('') // null
  })

  it('exports NDJSON: one stored event per line, as the read API returns them', async () => {
    const { browser, read } = await signedInWith([awkward, { event: 'plain' }])
    const response = await browser.get('/console/events/export.ndjson')
    expect(response.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8')
    const text = await response.text()
    expect(text.endsWith('\n')).toBe(true)
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines).toEqual((await (await read('/v1/events')).json()).events)
  })

  it('exports only the filtered events, across more than one store page, each once and newest first', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    const events = Array.from({ length: 2300 }, (_, i) => ({
      event: i % 2 ? 'odd' : 'even',
      timestamp: new Date(start + i * 1000).toISOString(),
    }))
    const { browser } = await signedInWith(events)
    const text = await (await browser.get('/console/events/export.ndjson?name=even&since=2026-01-01T00:05')).text()
    const exported: StoredEvent[] = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    const expected = events
      .filter((event, i) => i % 2 === 0 && i >= 300)
      .map((event) => event.timestamp)
      .reverse()
    expect(exported.map((event) => event.timestamp)).toEqual(expected)
    expect(new Set(exported.map((event) => event.messageId)).size).toBe(expected.length)
  }, 60_000)

  it('streams: reads the store one page at a time, as the client takes them', async () => {
    const events = Array.from({ length: 3500 }, () => ({ event: 'bulk' }))
    const { browser, store } = await signedInWith(events)
    let pagesRead = 0
    const listEvents = store.listEvents.bind(store)
    store.listEvents = async (query) => {
      pagesRead += 1
      return listEvents(query)
    }
    const response = await browser.get('/console/events/export.csv')
    const reader = response.body!.getReader()
    await reader.read()
    expect(pagesRead).toBeLessThanOrEqual(2) // 4 pages exist
    await reader.cancel()
    let all = ''
    const again = (await browser.get('/console/events/export.csv'))
      .body!.pipeThrough(new TextDecoderStream())
      .getReader()
    for (let chunk = await again.read(); !chunk.done; chunk = await again.read()) all += chunk.value
    expect(parseCsv(all)).toHaveLength(3501)
  }, 60_000)

  it('answers a bad filter with 400 and the reason', async () => {
    const { browser } = await signedInWith([])
    const response = await browser.get('/console/events/export.csv?since=soon')
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Invalid filter: &quot;from&quot; must be a date and time')
  })
})

describe('event log page', () => {
  it('filters by name, type and contact (typed as an email), newest first', async () => {
    const { browser } = await signedInWith([
      { event: 'order_completed', userId: 'u1', traits: {}, context: { traits: { email: 'ann@example.com' } } },
      { event: 'order_completed', anonymousId: 'someone-else' },
      { event: 'cart_updated', userId: 'u1' },
    ])
    const query = 'contact=ANN%40example.com&name=order_completed&type=track'
    const html = await (await browser.get(`/console/events?${query}`)).text()
    expect(html.match(/<td class="name">/g)).toHaveLength(1)
    expect(html).toContain('>ann@example.com</a>')
  })

  it('says when the contact filter matches nobody, and when a filter is malformed', async () => {
    const { browser } = await signedInWith([{ event: 'x' }])
    const unknown = await browser.get('/console/events?contact=nobody%40example.com')
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('No contact matches &quot;nobody@example.com&quot;')
    const badType = await browser.get('/console/events?type=click')
    expect(badType.status).toBe(400)
    expect(await badType.text()).toContain('Invalid filter: type: must be one of')
  })

  it('pages with an "Older events" link that carries the filters', async () => {
    const { browser } = await signedInWith(Array.from({ length: 60 }, (_, i) => ({ event: 'many', properties: { i } })))
    const first = await (await browser.get('/console/events?name=many')).text()
    expect(first.match(/data-event-row/g)).toHaveLength(50)
    const olderLink = /href="(\/console\/events\?name=many&amp;cursor=[^"]+)" rel="next"/.exec(first)![1]!
    const older = olderLink.replace(/&amp;/g, '&')
    const second = await (await browser.get(older)).text()
    expect(second.match(/data-event-row/g)).toHaveLength(10)
    expect(second).not.toContain('rel="next"')
    expect(second).toContain('>Newest events</a>')
  })

  it('shows the script tag when there are no events at all', async () => {
    const { browser } = await signedInWith([])
    const html = await (await browser.get('/console/events')).text()
    expect(html).toContain('No events yet')
    expect(html).toContain('data-write-key=&quot;wk_test_1234&quot;')
  })
})
