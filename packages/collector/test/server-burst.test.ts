import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DROP_IN_SECRET_KEY, type DropInCollector, startDropInCollector } from './helpers/drop-in-collector.js'
import { segmentAnalyticsNode, segmentClassic } from './server-libraries/libraries.js'

const BURST = 20_000

let collector: DropInCollector
beforeAll(async () => {
  collector = await startDropInCollector()
})
afterAll(async () => {
  await collector?.dispose()
})

/** `POST /v1/batch` answers by status and events by outcome, read from the collector's own `/metrics`. */
async function batchAnswers(url: string): Promise<Record<string, number>> {
  const headers = { Authorization: `Bearer ${DROP_IN_SECRET_KEY}` }
  const text = await (await fetch(`${url}/metrics`, { headers })).text()
  const answers: Record<string, number> = {}
  const batchRequests = /^sillage_http_requests_total\{method="POST",route="\/v1\/batch",status="(\d+)"\} (\d+)$/gm
  const events = /^sillage_events_total\{outcome="(\w+)"\} (\d+)$/gm
  for (const match of [...text.matchAll(batchRequests), ...text.matchAll(events)]) answers[match[1]!] = Number(match[2])
  return answers
}

const libraries = [
  { title: 'analytics-node v6', library: segmentClassic },
  { title: '@segment/analytics-node', library: segmentAnalyticsNode },
]

describe.each(libraries)('a backend bursting through $title, both at their defaults', ({ library }) => {
  it(`stores all ${BURST} events of one burst from one address and one write key`, async () => {
    const before = await batchAnswers(collector.url)
    const client = library.open(collector.url)
    const run = library.libraryName
    const started = performance.now()
    for (let seq = 0; seq < BURST; seq += 1) {
      client.call({ type: 'track', userId: `customer-${seq % 1000}`, event: 'invoice_paid', properties: { run, seq } })
    }
    const { errors } = await client.settle()
    const seconds = (performance.now() - started) / 1000
    const after = await batchAnswers(collector.url)
    const answers = Object.fromEntries(Object.entries(after).map(([key, count]) => [key, count - (before[key] ?? 0)]))
    const figures = `POST /v1/batch answers by status, events by outcome: ${JSON.stringify(answers)}`
    console.log(`${BURST} events in ${seconds.toFixed(1)} s; ${figures}`)
    expect(errors.slice(0, 3).map(String)).toEqual([])
    // Not refused and retried: never refused at all, so no library's retry budget is at stake.
    expect(answers['429'] ?? 0).toBe(0)

    const all = await collector.client.allEvents({ name: 'invoice_paid', limit: '1000' })
    const stored = all.filter((event) => event.properties.run === run)
    expect(stored).toHaveLength(BURST)
    const seqs = new Set(stored.map((event) => event.properties.seq))
    expect(seqs.size).toBe(BURST)
  }, 240_000)
})
