import { afterEach, describe, expect, it, vi } from 'vitest'
import { SegmentUpkeep } from '../segments/upkeep/segment-upkeep.js'
import { SECRET_KEY, testCollector } from '../../test/helpers/test-collector.js'

const secret = { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' }
const repeatBuyers = { event: 'order_completed', count: { gte: 2 }, within: '30d' }
const opened: Array<{ close(): Promise<void> }> = []

afterEach(async () => {
  for (const closer of opened.splice(0).reverse()) await closer.close()
})

/** A collector on a fresh store with a pinned clock, its segment upkeep settled by hand. */
async function segmentsCollector() {
  let clock = new Date('2024-05-10T12:00:00.000Z')
  const now = () => clock
  const collector = await testCollector({ now })
  opened.push(collector.store)
  const segments = new SegmentUpkeep({ store: collector.store, now })
  const send = (method: string, path: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: secret,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const json = async (method: string, path: string, body?: unknown) => {
    const response = await send(method, path, body)
    return { status: response.status, body: response.status === 204 ? null : await response.json() }
  }
  const order = (userId: string, day: number) => ({
    type: 'track',
    event: 'order_completed',
    userId,
    messageId: `${userId}-order-${day}`,
    timestamp: new Date(Date.parse('2024-05-01T12:00:00.000Z') + day * 86_400_000).toISOString(),
  })
  return {
    ...collector,
    segments,
    send,
    json,
    order,
    setClock: (iso: string) => (clock = new Date(iso)),
    contactId: async (userId: string) =>
      (await (await collector.read(`/v1/contacts?userId=${userId}`)).json()).contacts[0].id as string,
  }
}

describe('segment routes', () => {
  it('creates a segment that computes over history, then lists, pages, edits and deletes it', async () => {
    const c = await segmentsCollector()
    await c.post('/v1/batch', {
      batch: [c.order('ann', 1), c.order('ann', 5), c.order('bob', 2), c.order('cyd', 3), c.order('cyd', 4)],
    })
    const created = await c.json('POST', '/v1/segments', {
      name: 'Repeat buyers',
      description: 'two orders in 30 days',
      match: repeatBuyers,
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Repeat buyers',
      match: repeatBuyers,
      status: 'computing',
      progress: 0,
      size: 0,
      computedAt: null,
    })
    const id = created.body.id as string
    await c.segments.settle()
    const ready = await c.json('GET', `/v1/segments/${id}`)
    expect(ready.body).toMatchObject({ status: 'ready', progress: 1, size: 2, computedAt: '2024-05-10T12:00:00.000Z' })
    expect((await c.json('GET', '/v1/segments')).body.segments.map((segment: { id: string }) => segment.id)).toEqual([
      id,
    ])

    const first = await c.json('GET', `/v1/segments/${id}/contacts?limit=1`)
    const second = await c.json('GET', `/v1/segments/${id}/contacts?limit=1&cursor=${first.body.nextCursor}`)
    const members = [...first.body.contacts, ...second.body.contacts]
    expect(members.map((member: { userId: string }) => member.userId).sort()).toEqual(['ann', 'cyd'])
    expect(members[0]).toMatchObject({ email: null, enteredAt: '2024-05-10T12:00:00.000Z' })
    expect(second.body.nextCursor).toBeNull()

    const ann = await (await c.read(`/v1/contacts/${await c.contactId('ann')}`)).json()
    expect(ann.segments).toEqual([{ id, name: 'Repeat buyers', enteredAt: '2024-05-10T12:00:00.000Z' }])

    const edited = await c.json('PUT', `/v1/segments/${id}`, { name: 'Buyers', match: { event: 'order_completed' } })
    expect(edited.body).toMatchObject({
      name: 'Buyers',
      status: 'computing',
      progress: 0,
      createdAt: created.body.createdAt,
    })
    await c.segments.settle()
    expect((await c.json('GET', `/v1/segments/${id}`)).body).toMatchObject({ status: 'ready', size: 3 })

    expect((await c.send('DELETE', `/v1/segments/${id}`)).status).toBe(204)
    expect((await c.json('GET', `/v1/segments/${id}`)).status).toBe(404)
    expect((await (await c.read(`/v1/contacts/${await c.contactId('ann')}`)).json()).segments).toEqual([])
  })

  it('keeps members current as events arrive, through the running upkeep', async () => {
    const c = await segmentsCollector()
    const upkeep = new SegmentUpkeep({ store: c.store, now: () => new Date('2024-05-10T12:00:00.000Z') })
    const { id } = (await c.json('POST', '/v1/segments', { name: 'Repeat buyers', match: repeatBuyers })).body
    upkeep.start()
    opened.push({ close: () => upkeep.stop() })
    await c.post('/v1/batch', { batch: [c.order('ann', 1), c.order('ann', 2)] })
    await vi.waitFor(
      async () => expect((await c.json('GET', `/v1/segments/${id}`)).body).toMatchObject({ status: 'ready', size: 1 }),
      { timeout: 10_000 },
    )
    const changes = (await (await c.read('/v1/changes?limit=1000')).json()).changes
    expect(changes.filter((change: { type: string }) => change.type === 'segment.entered')).toMatchObject([
      { contactId: await c.contactId('ann'), data: { segmentId: id } },
    ])
  })

  it('previews a condition without saving it', async () => {
    const c = await segmentsCollector()
    await c.post('/v1/batch', { batch: [c.order('ann', 1), c.order('ann', 5), c.order('bob', 2)] })
    const preview = await c.json('POST', '/v1/segments/preview', { match: repeatBuyers })
    expect(preview.body).toEqual({ size: 1, sample: [{ id: await c.contactId('ann'), email: null, userId: 'ann' }] })
    expect((await c.json('GET', '/v1/segments')).body).toEqual({ segments: [] })
  })

  it('explains why a contact is in or out, with the evidence', async () => {
    const c = await segmentsCollector()
    await c.post('/v1/batch', { batch: [c.order('ann', 1), c.order('ann', 5), c.order('bob', 2)] })
    const match = { all: [repeatBuyers, { attribute: 'identified', eq: true }] }
    const { id } = (await c.json('POST', '/v1/segments', { name: 'Identified repeat buyers', match })).body
    const ann = await c.json('GET', `/v1/segments/${id}/explain?contactId=${await c.contactId('ann')}`)
    expect(ann.body).toMatchObject({
      member: true,
      conditions: [
        { path: 'match', holds: true, evidence: { holding: 2, of: 2 } },
        { path: 'match.all.0', holds: true, evidence: { count: 2, eventIds: ['ann-order-1', 'ann-order-5'] } },
        { path: 'match.all.1', holds: true, evidence: { values: [true] } },
      ],
    })
    const bob = await c.json('GET', `/v1/segments/${id}/explain?contactId=${await c.contactId('bob')}`)
    expect(bob.body).toMatchObject({
      member: false,
      conditions: [{ holds: false }, { holds: false, evidence: { count: 1 } }, { holds: true }],
    })
  })

  it('refuses what it cannot save or answer, with a message and the path of each problem', async () => {
    const c = await segmentsCollector()
    const invalid = await c.json('POST', '/v1/segments', {
      name: '',
      match: { all: [{ event: 'x', count: { gte: -1 } }, { attribute: 'plan' }] },
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.code).toBe('invalid_segment')
    expect(invalid.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: /),
        expect.stringMatching(/^match\.all\.0\.count\.gte: /),
        expect.stringMatching(/^match\.all\.1: /),
      ]),
    )
    const unknown = await c.json('POST', '/v1/segments', { name: 'x', match: { segment: 'seg_nope' } })
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { issues: ['match: refers to segment "seg_nope", which does not exist'] } },
    })

    const a = (await c.json('POST', '/v1/segments', { name: 'a', match: { event: 'x' } })).body.id
    const b = (await c.json('POST', '/v1/segments', { name: 'b', match: { segment: a } })).body.id
    const cycle = await c.json('PUT', `/v1/segments/${a}`, { name: 'a', match: { not: { segment: b } } })
    expect(cycle.status).toBe(400)
    expect(cycle.body.error).toMatchObject({
      code: 'segment_cycle',
      message: expect.stringContaining(`${a} → ${b} → ${a}`),
    })
    const inUse = await c.json('DELETE', `/v1/segments/${a}`)
    expect(inUse).toMatchObject({
      status: 409,
      body: { error: { code: 'segment_in_use', message: expect.stringContaining('"b"') } },
    })

    expect((await c.json('GET', `/v1/segments/${a}/contacts?cursor=nonsense`)).status).toBe(400)
    expect((await c.json('GET', `/v1/segments/${a}/contacts?limit=0`)).status).toBe(400)
    expect((await c.json('GET', `/v1/segments/${a}/explain`)).body.error.message).toMatch(/contactId/)
    expect((await c.json('GET', `/v1/segments/${a}/explain?contactId=nobody`)).status).toBe(404)
    expect((await c.json('GET', '/v1/segments/seg_nope')).status).toBe(404)
    expect((await c.json('PUT', '/v1/segments/seg_nope', { name: 'x', match: { event: 'x' } })).status).toBe(404)
    expect((await c.json('DELETE', '/v1/segments/seg_nope')).status).toBe(404)
    expect((await c.app.request('/v1/segments')).status).toBe(401)
    expect((await c.json('POST', '/v1/segments/preview', { match: {} })).status).toBe(400)
  })
})
