import { mkdtemp, rm } from 'node:fs/promises'
import { postgresMigrations } from '../src/stores/postgres/postgres-migrations.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchResponse } from '@sillage/protocol'
import { batchResult, collectorClient } from './helpers/collector-client.js'
import { type CollectorProcess, killAllCollectorProcesses, startCollectorProcess } from './helpers/collector-process.js'
import { createTestSchema, type TestSchema } from './helpers/postgres-test-schema.js'

const WRITE_KEY = 'wk_replica_test_1'
const SECRET_KEY = 'sk_replica_test_0123456789'
const keys = { writeKey: WRITE_KEY, secretKey: SECRET_KEY }

/**
 * Six people, each on two devices. Even-numbered people log in with a userId and an
 * email, odd-numbered ones with an email only (a newsletter form). Before logging in
 * each device browses anonymously; after it, orders arrive from the server side
 * carrying only the userId (or, from a browser, the email). Every event has a fixed messageId, except
 * one identify per even person, whose id the collector derives from its content.
 */
const PEOPLE = 6
const day = Date.parse('2026-03-02T09:00:00.000Z')
const at = (minutes: number) => new Date(day + minutes * 60_000).toISOString()

interface Person {
  userId: string | null
  email: string
  devices: [string, string]
}

const people: Person[] = Array.from({ length: PEOPLE }, (_, p) => ({
  userId: p % 2 === 0 ? `user-${p}` : null,
  email: `Person${p}@Example.com`,
  devices: [`device-${p}-a`, `device-${p}-b`],
}))

function anonymousEvents(person: Person, p: number): Record<string, unknown>[] {
  return person.devices.flatMap((anonymousId, d) => [
    ...Array.from({ length: 4 }, (_, i) => ({
      type: 'track',
      event: 'product_viewed',
      anonymousId,
      messageId: `view-${p}-${d}-${i}`,
      properties: { sku: `sku-${i}` },
      timestamp: at(p * 100 + d * 10 + i),
    })),
    {
      type: 'page',
      anonymousId,
      messageId: `page-${p}-${d}`,
      properties: { path: `/p/${p}` },
      timestamp: at(p * 100 + d * 10 + 5),
    },
  ])
}

function identifyCalls(person: Person, p: number): Record<string, unknown>[] {
  return person.devices.map((anonymousId, d) => ({
    anonymousId,
    ...(person.userId ? { userId: person.userId } : {}),
    traits: { email: person.email, plan: d === 0 ? 'free' : 'pro' },
    timestamp: at(p * 100 + 50 + d),
    // Even people's first device: no messageId, so both replicas must derive the same one.
    ...(p % 2 === 0 && d === 0 ? {} : { messageId: `identify-${p}-${d}` }),
  }))
}

function serverEvents(person: Person, p: number): Record<string, unknown>[] {
  return [0, 1].map((i) => ({
    type: 'track',
    event: 'order_completed',
    messageId: `order-${p}-${i}`,
    timestamp: at(p * 100 + 60 + i),
    properties: { total: 10 * (i + 1) },
    // Segment calls need an anonymousId or a userId: the email-only person orders from a browser.
    ...(person.userId
      ? { userId: person.userId }
      : { anonymousId: person.devices[1], context: { traits: { email: person.email } } }),
  }))
}

/** Deterministic shuffle (so a failure can be replayed) that mixes people within batches. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items]
  let state = seed
  for (let i = result.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[result[i], result[j]] = [result[j]!, result[i]!]
  }
  return result
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size))

const batchEvents = shuffled(
  people.flatMap((person, p) => [...anonymousEvents(person, p), ...serverEvents(person, p)]),
  7,
)
const batches = chunks(batchEvents, 6)
const identifies = people.flatMap(identifyCalls)
const eventsPerPerson = 2 * 4 + 2 + 2 + 2

describe('two collector processes on one PostgreSQL database', () => {
  let dir: string
  let schema: TestSchema
  let replicas: CollectorProcess[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sillage-replicas-'))
    schema = await createTestSchema('replicas')
    // Both start at once on an empty schema: the migrations must run once, under the advisory lock.
    const args = [
      '--store',
      schema.storeUrl({ params: { max: '4' } }),
      '--write-keys',
      WRITE_KEY,
      '--secret-key',
      SECRET_KEY,
      '--rate-limit',
      '0',
    ]
    replicas = await Promise.all([startCollectorProcess(args, dir), startCollectorProcess(args, dir)])
  }, 60_000)

  afterAll(async () => {
    killAllCollectorProcesses()
    await schema?.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('stores every event once and keeps one contact per person when both get the same calls at the same time', {
    timeout: 90_000,
  }, async () => {
    const [a, b] = replicas.map((replica) => collectorClient(replica.url, keys)) as [
      ReturnType<typeof collectorClient>,
      ReturnType<typeof collectorClient>,
    ]
    const both = (send: (client: typeof a) => Promise<Response>) =>
      Promise.all([send(a), send(b)].map(async (response) => batchResult(await response)))

    const outcomes: Array<{ sent: number; answers: BatchResponse[] }> = await Promise.all([
      ...batches.map(async (batch) => ({
        sent: batch.length,
        answers: await both((client) => client.postBatch(batch)),
      })),
      ...identifies.map(async (call) => ({
        sent: 1,
        answers: await both((client) => client.post('/v1/identify', call)),
      })),
    ])

    // Each event was acknowledged by both replicas, and stored by exactly one of them.
    for (const { sent, answers } of outcomes) {
      expect(answers.map((answer) => answer.rejected)).toEqual([[], []])
      expect(answers[0]!.accepted + answers[1]!.accepted).toBe(sent)
      expect(answers[0]!.duplicates + answers[1]!.duplicates).toBe(sent)
    }
    const total = batchEvents.length + identifies.length
    expect(total).toBe(PEOPLE * eventsPerPerson)

    // The database itself: no messageId twice, every one there.
    const sql = schema.sql
    expect(
      await sql`SELECT message_id, count(*)::int AS n FROM events GROUP BY message_id HAVING count(*) > 1`,
    ).toEqual([])
    expect(await sql`SELECT count(*)::int AS n FROM events`).toEqual([{ n: total }])
    const fixedIds = [...batchEvents, ...identifies].flatMap((event) =>
      event.messageId ? [event.messageId as string] : [],
    )
    const storedIds = (await sql<{ id: string }[]>`SELECT message_id AS id FROM events`).map((row) => row.id)
    expect(storedIds.filter((id) => !id.startsWith('sillage-')).sort()).toEqual(fixedIds.sort())
    expect(storedIds.filter((id) => id.startsWith('sillage-'))).toHaveLength(PEOPLE / 2)

    // One contact per person, and summaries that agree with the events they summarise.
    expect((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM contacts`)[0]!.n).toBe(PEOPLE)
    expect(
      await sql`
        SELECT coalesce(s.contact_id, e.contact_id) AS contact, coalesce(s.name, e.name) AS name, s.count, e.n
        FROM event_summaries s FULL JOIN (SELECT contact_id, name, count(*)::int AS n FROM events GROUP BY 1, 2) e
          ON e.contact_id = s.contact_id AND e.name = s.name
        WHERE s.count IS DISTINCT FROM e.n`,
    ).toEqual([])
    expect(await sql`SELECT merged_id FROM contact_merges WHERE into_id NOT IN (SELECT id FROM contacts)`).toEqual([])

    // Through the read API of each replica: the same log, each event once.
    for (const client of [a, b]) {
      const log = await client.allEvents()
      expect(log).toHaveLength(total)
      expect(new Set(log.map((event) => event.messageId)).size).toBe(total)
    }

    for (const [p, person] of people.entries()) {
      const client = p % 2 === 0 ? a : b
      const [contact, ...others] = person.userId
        ? await client.contactsBy('userId', person.userId)
        : await client.contactsBy('email', person.email)
      expect(others).toEqual([])
      expect(contact).toMatchObject({
        userId: person.userId,
        email: person.email.toLowerCase(),
        anonymousIds: [...person.devices],
      })
      expect(contact!.attributes).toMatchObject({ email: person.email, plan: 'pro' })
      expect(contact!.summaries.map(({ name, count }) => ({ name, count }))).toEqual([
        { name: 'identify', count: 2 },
        { name: 'order_completed', count: 2 },
        { name: 'page_visited', count: 2 },
        { name: 'product_viewed', count: 8 },
      ])
      // Both devices' anonymous history ended on the identified contact, whichever replica stored it.
      for (const device of person.devices)
        expect(await client.contactsBy('anonymousId', device)).toEqual([expect.objectContaining({ id: contact!.id })])
      const timeline = await (p % 2 === 0 ? b : a).allEvents({ contactId: contact!.id })
      expect(timeline).toHaveLength(eventsPerPerson)
      const sentFromDevices = [...batchEvents, ...identifies].flatMap((event) =>
        person.devices.includes(event.anonymousId as string) ? [event.anonymousId] : [],
      )
      expect(timeline.flatMap((event) => (event.anonymousId === null ? [] : [event.anonymousId])).sort()).toEqual(
        sentFromDevices.sort(),
      )
      // A contact merged away answers with the survivor on either replica.
      for (const mergedId of contact!.mergedFrom) expect((await client.contact(mergedId)).id).toBe(contact!.id)
    }

    // A retry of everything, again on both at once, changes nothing.
    const retried = await Promise.all(batches.map((batch) => both((client) => client.postBatch(batch))))
    expect(retried.flat().every((answer) => answer.accepted === 0)).toBe(true)
    expect((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM events`)[0]!.n).toBe(total)
  })

  it('gives a brand-new device one contact when its first events reach both replicas at the same moment', {
    timeout: 60_000,
  }, async () => {
    const [a, b] = replicas.map((replica) => collectorClient(replica.url, keys))
    const devices = Array.from({ length: 40 }, (_, i) => `first-sight-${i}`)
    const firstEvent = (anonymousId: string, copy: string) => ({
      type: 'track',
      event: 'landed',
      anonymousId,
      messageId: `${anonymousId}-${copy}`,
    })
    // Two different events per replica and device (two tabs, say), all in flight together.
    const answers = await Promise.all(
      devices.flatMap((device) =>
        [a!, b!, a!, b!].map((client, copy) => client.postBatch([firstEvent(device, String(copy))])),
      ),
    )
    for (const answer of answers)
      expect(await batchResult(answer)).toEqual({ accepted: 1, duplicates: 0, rejected: [] })

    // Each device's two events on one contact that still holds the device: no contact left behind without it.
    const owners = await schema.sql<{ device: string; contacts: number; linked: number }[]>`
      SELECT e.anonymous_id AS device, count(DISTINCT e.contact_id)::int AS contacts,
        count(DISTINCT a.contact_id) FILTER (WHERE a.contact_id = e.contact_id)::int AS linked
      FROM events e LEFT JOIN anonymous_ids a ON a.anonymous_id = e.anonymous_id
      WHERE e.anonymous_id LIKE 'first-sight-%' GROUP BY e.anonymous_id ORDER BY e.anonymous_id`
    expect(owners).toEqual(devices.sort().map((device) => ({ device, contacts: 1, linked: 1 })))
  })

  it('migrated the fresh schema exactly once although both replicas started together', async () => {
    const versions = postgresMigrations.map(({ version }) => ({ version }))
    expect(await schema.sql`SELECT version FROM schema_migrations ORDER BY version`).toEqual(versions)
  })
})
