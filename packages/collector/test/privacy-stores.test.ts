import { afterEach, describe, expect, it } from 'vitest'
import type { ContactDetail, StoredEvent } from '@sillage/protocol'
import { PrivacyMaintenance } from '../src/privacy/privacy-maintenance.js'
import { inspectedDatabases } from './helpers/inspected-database.js'
import { testCollector } from './helpers/test-collector.js'

const DAY_MS = 86_400_000

describe.each(inspectedDatabases)('privacy through the collector on $name', ({ create }) => {
  const cleanUps: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp()
  })

  /** A database, and collectors on it sharing one injected clock. */
  async function setUp() {
    const database = await create()
    cleanUps.push(() => database.cleanUp())
    const clock = { now: new Date('2026-03-10T10:00:00.000Z') }
    const collector = async () => {
      const store = database.store()
      const opened = await testCollector({ store, trustProxy: true, rateLimit: false, now: () => clock.now })
      cleanUps.push(() => store.close())
      return opened
    }
    return { database, clock, collector }
  }

  type Collector = Awaited<ReturnType<typeof testCollector>>
  const visitor = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', 'X-Forwarded-For': '203.0.113.77' }
  let sent = 0
  /** A cookieless page view; resolves to the anonymousId the collector stored it under. */
  async function cookielessView(collector: Collector, headers: Record<string, string> = visitor): Promise<string> {
    const messageId = `view-${++sent}`
    const event = { type: 'page', name: 'Home', anonymousId: '$cookieless', messageId }
    const response = await collector.post('/v1/batch', { batch: [event] }, headers)
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: [] })
    const { events } = (await (await collector.read('/v1/events?limit=1000')).json()) as { events: StoredEvent[] }
    return events.find((event) => event.messageId === messageId)!.anonymousId!
  }

  it('gives a cookieless visitor one id per UTC day, alike on every collector; only today’s salt is kept', async () => {
    const { database, clock, collector } = await setUp()
    const [a, b] = [await collector(), await collector()]
    const morning = await cookielessView(a)
    expect(morning).toMatch(/^cl_[\w-]{22}$/)
    clock.now = new Date('2026-03-10T23:59:59.999Z')
    expect(await cookielessView(a)).toBe(morning)
    expect(await cookielessView(b)).toBe(morning)
    expect(await cookielessView(a, { ...visitor, 'User-Agent': 'Mozilla/5.0 (Macintosh) Safari/18' })).not.toBe(morning)
    expect(await cookielessView(a, { ...visitor, 'X-Forwarded-For': '203.0.113.78' })).not.toBe(morning)
    const [contact] = (await (await a.read(`/v1/contacts?anonymousId=${morning}`)).json()).contacts as ContactDetail[]
    expect(contact!.summaries).toEqual([expect.objectContaining({ count: 3 })])

    clock.now = new Date('2026-03-11T00:00:00.000Z')
    // Both collectors meet the new day at once: they still agree.
    const [nextOnA, nextOnB] = await Promise.all([cookielessView(a), cookielessView(b)])
    expect(nextOnA).toBe(nextOnB)
    expect(nextOnA).not.toBe(morning)
    const saltRows = await database.rows('daily_salts')
    const saltDays = saltRows.map(({ day }) => (day instanceof Date ? day.toISOString() : `${day}`))
    expect(saltDays.map((day) => day.slice(0, 10))).toEqual(['2026-03-11'])
    // The full address was hashed, never stored.
    const dump = await database.dump()
    expect(dump).not.toContain('203.0.113.77')
    expect(dump).toContain('203.0.113.0')
  })

  it('retention deletes exactly the events past the window, at start then hourly; summaries stay', async () => {
    const { database, clock, collector } = await setUp()
    const app = await collector()
    const daysAgo = (days: number) => new Date(clock.now.getTime() - days * DAY_MS).toISOString()
    const ages = { 'ev-40': 40, 'ev-35': 35, 'ev-31': 31, 'ev-29': 29, 'ev-1': 1 }
    const batch: Array<Record<string, unknown>> = Object.entries(ages).map(([messageId, days]) => ({
      type: 'track',
      event: 'viewed',
      anonymousId: 'dev-ret',
      messageId,
      timestamp: daysAgo(days),
    }))
    const traits = { email: 'ret@example.com', plan: 'pro' }
    batch.push({ type: 'identify', anonymousId: 'dev-ret', messageId: 'id-40', traits, timestamp: daysAgo(40) })
    expect(await (await app.post('/v1/batch', { batch })).json()).toMatchObject({ accepted: 6 })
    const [before] = (await (await app.read('/v1/contacts?anonymousId=dev-ret')).json()).contacts as ContactDetail[]

    const tasks: Array<{ ms: number; task: () => void }> = []
    const pauses: number[] = []
    const store = database.store()
    await store.open()
    cleanUps.push(() => store.close())
    const maintenance = new PrivacyMaintenance({
      store,
      retentionDays: 30,
      now: () => clock.now,
      batchSize: 2,
      // Between full batches it waits as long as the batch took; here the test only counts the waits.
      pause: async (batchMs) => void pauses.push(batchMs),
      scheduler: { every: (ms, task) => (tasks.push({ ms, task }), () => {}) },
    })
    const stop = maintenance.start()
    // start() has begun a pass; run() joins it.
    expect(await maintenance.run()).toEqual({ events: 4, changes: 0 })
    expect(pauses).toEqual([expect.any(Number), expect.any(Number)])
    expect(tasks.map((task) => task.ms)).toEqual([3_600_000])
    const kept = async () => {
      const { events } = (await (await app.read('/v1/events?limit=1000')).json()) as { events: StoredEvent[] }
      return events.map((event) => event.messageId)
    }
    expect(await kept()).toEqual(['ev-1', 'ev-29'])
    const [after] = (await (await app.read('/v1/contacts?anonymousId=dev-ret')).json()).contacts as ContactDetail[]
    expect(after).toEqual(before)
    const viewed = after!.summaries.find((summary) => summary.name === 'viewed')
    expect(viewed).toMatchObject({ count: 5, first: daysAgo(40) })

    clock.now = new Date(clock.now.getTime() + 2 * DAY_MS)
    tasks[0]!.task()
    expect(await maintenance.run()).toEqual({ events: 1, changes: 0 })
    expect(await kept()).toEqual(['ev-1'])

    // Past the window after their arrival too: the feed entries lose the events they carried.
    clock.now = new Date(clock.now.getTime() + 31 * DAY_MS)
    tasks[0]!.task()
    expect(await maintenance.run()).toEqual({ events: 1, changes: 6 })
    expect(await kept()).toEqual([])
    const dump = await database.dump()
    for (const messageId of [...Object.keys(ages), 'id-40']) expect(dump).not.toContain(messageId)
    const feed = await app.read('/v1/changes?limit=1000')
    const { changes } = (await feed.json()) as { changes: Array<{ type: string }> }
    expect(changes.filter((change) => change.type === 'event.stored')).toEqual(
      Array.from({ length: 6 }, () => expect.objectContaining({ data: null })),
    )
    expect((await (await app.read('/v1/contacts?anonymousId=dev-ret')).json()).contacts).toEqual([before])
    stop()
  })

  it('exports everything stored about a contact, and after erasure nothing of it is left anywhere', async () => {
    const { database, collector } = await setUp()
    const app = await collector()
    const personal = ['ann.export@example.com', 'user-exp-42', 'device-7f3a', 'device-91c2', 'prop-secret', 'Ann Exp']
    const traits = { email: 'ann.export@example.com', name: 'Ann Exp' }
    const events = [
      { type: 'track', event: 'viewed', anonymousId: 'device-7f3a', messageId: 'x1', properties: { n: 'prop-secret' } },
      { type: 'identify', anonymousId: 'device-7f3a', userId: 'user-exp-42', messageId: 'x2', traits },
      { type: 'track', event: 'viewed', anonymousId: 'device-91c2', messageId: 'x3' },
      { type: 'identify', anonymousId: 'device-91c2', userId: 'user-exp-42', messageId: 'x4' },
      { type: 'track', event: 'viewed', anonymousId: 'device-other-55', messageId: 'x5', properties: { n: 'other' } },
    ]
    for (const event of events) expect((await app.post('/v1/batch', { batch: [event] })).status).toBe(200)
    const [ann] = (await (await app.read('/v1/contacts?userId=user-exp-42')).json()).contacts as ContactDetail[]
    expect(ann!.mergedFrom).toHaveLength(1)

    const response = await app.read(`/v1/contacts/${ann!.id}/export`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="contact-${ann!.id}.json"`)
    const exported = await response.json()
    expect(exported.contact).toEqual(ann)
    expect(exported.events).toEqual((await (await app.read(`/v1/contacts/${ann!.id}/events?limit=1000`)).json()).events)
    expect(exported.events.map((event: StoredEvent) => event.messageId).sort()).toEqual(['x1', 'x2', 'x3', 'x4'])
    expect(exported.merges).toEqual([{ mergedId: ann!.mergedFrom[0], mergedAt: expect.any(String) }])
    expect(exported.changes.filter((change: { type: string }) => change.type === 'event.stored')).toHaveLength(4)
    expect(exported.changes.map((change: { type: string }) => change.type)).toContain('contact.merged')
    expect(exported).toMatchObject({ exportedAt: '2026-03-10T10:00:00.000Z', segments: [], runs: [], deliveries: [] })
    // Everything personal in the database is in the export.
    for (const value of personal) expect(JSON.stringify(exported)).toContain(value)
    expect(JSON.stringify(exported)).not.toContain('device-other-55')
    expect((await (await app.read(`/v1/contacts/${ann!.mergedFrom[0]}/export`)).json()).contact.id).toBe(ann!.id)
    expect((await app.read('/v1/contacts/c_nobody/export')).status).toBe(404)
    expect((await app.app.request(`/v1/contacts/${ann!.id}/export`)).status).toBe(401)

    expect((await app.read(`/v1/contacts/${ann!.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await app.read(`/v1/contacts/${ann!.id}/export`)).status).toBe(404)
    expect((await app.read(`/v1/contacts/${ann!.mergedFrom[0]}/export`)).status).toBe(404)
    const dump = await database.dump()
    for (const value of personal) expect(dump).not.toContain(value)
    // The check can fail: the other visitor's data is still there to be found.
    expect(dump).toContain('device-other-55')
  })
})
