import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { segmentMatchSchema, type SegmentCondition } from '@sillage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSchema, type TestSchema } from '../../test/helpers/postgres-test-schema.js'
import { makeEvent } from '../stores/contract/event-fixture.test-suite.js'
import { createStore } from '../stores/create-store.js'
import { compilePostgresSegmentCondition } from '../stores/postgres/operations/compile-segment-condition.js'
import { listPostgresSegmentMembers } from '../stores/postgres/operations/segment-members.js'
import { compileSqliteSegmentCondition } from '../stores/sqlite/operations/compile-segment-condition.js'
import { listSqliteSegmentMembers } from '../stores/sqlite/operations/segment-members.js'
import type { NormalisedEvent } from '../events/normalised-event.js'
import { ingestEvents } from '../ingest/ingest-events.js'
import type { Store } from '../stores/store.js'
import { conditionNames } from './condition-names.js'
import { evaluateCondition } from './evaluate-condition.js'
import { nextChangeAt } from './next-change-at.js'
import { readPostgresSnapshot, readSqliteSnapshot, type MembershipSnapshot } from './membership-snapshot.test-suite.js'
import {
  baseNow,
  clockMinutes,
  conditionArbitrary,
  eventArbitrary,
  personArbitrary,
  type EventSpecOfPerson,
  type PersonSpec,
} from './segment-arbitraries.test-suite.js'

/** Each history is judged at these clocks: events ahead of a clock are not seen yet, windows slide. */
const clocks = clockMinutes.map((minute) => new Date(baseNow + minute * 60_000))
const PEOPLE = 4

/** The one place test events reach a store: the ingestion pipeline, as the routes run it. */
async function seed(store: Store, events: readonly NormalisedEvent[]): Promise<void> {
  await ingestEvents(store, events)
}

function historyEvents(prefix: string, people: PersonSpec[], events: EventSpecOfPerson[]): NormalisedEvent[] {
  const ids = (person: number, identified: boolean) => ({
    anon: `${prefix}a${person}`,
    ...(identified && people[person]!.userId ? { userId: `${prefix}u${person}` } : {}),
    ...(identified && people[person]!.email ? { email: `${prefix}p${person}@example.com` } : {}),
  })
  const at = (minute: number) => new Date(baseNow + minute * 60_000).toISOString()
  const identifies = people.flatMap((person, index) =>
    person.traits === null
      ? []
      : [
          {
            ...makeEvent({
              messageId: `${prefix}i${index}`,
              type: 'identify',
              traits: person.traits,
              ...ids(index, true),
            }),
            timestamp: at(-50 * 24 * 60),
          },
        ],
  )
  const tracked = events.map((event, index) => {
    const timestamp = at(event.minute)
    return {
      ...makeEvent({
        messageId: `${prefix}e${index}`,
        name: event.name,
        properties: event.properties,
        ...ids(event.person, event.identified),
      }),
      timestamp,
      originalTimestamp: timestamp,
      receivedAt: timestamp,
    }
  })
  return [...identifies, ...tracked]
}

/**
 * The members by the reference evaluator, given the summaries (as the upkeep reads them)
 * or the events alone: with nothing deleted by retention, both must agree.
 */
function referenceMembers(
  snapshot: MembershipSnapshot,
  match: SegmentCondition,
  referenced: SegmentCondition,
  now: Date,
  { withSummaries }: { withSummaries: boolean },
): string[] {
  return snapshot.contacts
    .filter((contact) => {
      const input = {
        contact,
        events: snapshot.eventsOf.get(contact.id)!,
        ...(withSummaries ? { summaries: snapshot.summariesOf.get(contact.id)! } : {}),
        now,
      }
      return evaluateCondition(match, {
        ...input,
        isMemberOf: (id) => id === 'seg_ref' && evaluateCondition(referenced, input),
      })
    })
    .map((contact) => contact.id)
    .sort()
}

describe('compiled segment conditions', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sillage-segments-'))
  const file = join(directory, 'sillage.db')
  let sqliteStore: Store
  let sqlite: Database.Database
  let schema: TestSchema
  let postgresStore: Store

  beforeAll(async () => {
    sqliteStore = createStore(`sqlite:${file}`)
    await sqliteStore.open()
    sqlite = new Database(file, { readonly: true })
    schema = await createTestSchema('segments')
    postgresStore = createStore(schema.storeUrl())
    await postgresStore.open()
  })

  afterAll(async () => {
    sqlite?.close()
    await sqliteStore?.close()
    await postgresStore?.close()
    await schema?.drop()
    rmSync(directory, { recursive: true, force: true })
  })

  const historyArbitrary = fc.tuple(
    fc.array(personArbitrary, { minLength: PEOPLE, maxLength: PEOPLE }),
    fc.array(eventArbitrary(PEOPLE), { minLength: 4, maxLength: 24 }),
  )

  /** Stores one random history in both stores and reads back what each holds of it. */
  async function seedBoth(prefix: string, [people, events]: [PersonSpec[], EventSpecOfPerson[]]) {
    const stored = historyEvents(prefix, people, events)
    await seed(sqliteStore, stored)
    await seed(postgresStore, stored)
    // Fresh statistics, as autovacuum keeps them in a living database: the planner then reads events by contact.
    await schema.sql`ANALYZE events`
    return {
      sqlite: readSqliteSnapshot(sqlite, prefix),
      postgres: await readPostgresSnapshot(schema.sql, prefix),
    }
  }

  it('list on SQLite and PostgreSQL the members the reference lists, for random histories and conditions', async () => {
    let run = 0
    const outcomes = { judged: 0, someButNotAll: 0 }
    const conditions = fc.array(conditionArbitrary(['seg_ref', 'seg_unknown']), { minLength: 6, maxLength: 6 })
    await fc.assert(
      fc.asyncProperty(historyArbitrary, conditions, conditionArbitrary([]), async (history, matches, referenced) => {
        const prefix = `r${++run}-`
        const snapshots = await seedBoth(prefix, history)
        const matchOf = (id: string) => (id === 'seg_ref' ? referenced : undefined)
        const ours = {
          sqlite: new Set(snapshots.sqlite.contacts.map((contact) => contact.id)),
          postgres: new Set(snapshots.postgres.contacts.map((contact) => contact.id)),
        }
        const judgements = matches.flatMap((match) => {
          expect(segmentMatchSchema.safeParse(match).success, JSON.stringify(match)).toBe(true)
          const compiled = {
            sqlite: compileSqliteSegmentCondition(match, { matchOf }),
            postgres: compilePostgresSegmentCondition(match, { matchOf }),
          }
          return clocks.map((now) => ({ match, now, compiled }))
        })
        // Sent all at once: PostgreSQL answers them in a pipeline while SQLite works.
        const postgresMembers = judgements.map(({ compiled, now }) =>
          listPostgresSegmentMembers({ sql: schema.sql, condition: compiled.postgres, now }),
        )
        for (const [index, { match, now, compiled }] of judgements.entries()) {
          const bySqlite = listSqliteSegmentMembers({ db: sqlite, condition: compiled.sqlite, now })
            .filter((id) => ours.sqlite.has(id))
            .sort()
          const byPostgres = (await postgresMembers[index]!).filter((id) => ours.postgres.has(id)).sort()
          const context = `${JSON.stringify(match)} at ${now.toISOString()} (seg_ref: ${JSON.stringify(referenced)})`
          const reference = referenceMembers(snapshots.sqlite, match, referenced, now, { withSummaries: true })
          expect(bySqlite, `SQLite: ${context}`).toEqual(reference)
          expect(reference, `reference, events alone: ${context}`).toEqual(
            referenceMembers(snapshots.sqlite, match, referenced, now, { withSummaries: false }),
          )
          expect(byPostgres, `PostgreSQL: ${context}`).toEqual(
            referenceMembers(snapshots.postgres, match, referenced, now, { withSummaries: true }),
          )
          outcomes.judged += 1
          if (bySqlite.length > 0 && bySqlite.length < ours.sqlite.size) outcomes.someButNotAll += 1
        }
      }),
      { numRuns: 20, endOnFailure: true },
    )
    // Not vacuous: a good share of the random conditions split the contacts.
    expect(outcomes.someButNotAll / outcomes.judged).toBeGreaterThan(0.05)
  }, 120_000)

  it('tell on SQLite and PostgreSQL when each contact can next change, as the reference does', async () => {
    let run = 0
    let scheduled = 0
    const conditions = fc.array(conditionArbitrary(['seg_ref']), { minLength: 6, maxLength: 6 })
    await fc.assert(
      fc.asyncProperty(historyArbitrary, conditions, async (history, matches) => {
        const prefix = `n${++run}-`
        const snapshots = await seedBoth(prefix, history)
        for (const match of matches) {
          for (const now of clocks) {
            const context = `${JSON.stringify(match)} at ${now.toISOString()}`
            for (const [kind, store] of [
              ['SQLite', sqliteStore],
              ['PostgreSQL', postgresStore],
            ] as const) {
              const snapshot = kind === 'SQLite' ? snapshots.sqlite : snapshots.postgres
              const contactIds = snapshot.contacts.map((contact) => contact.id)
              const ours = await store.transaction((tx) => tx.nextSegmentChanges({ match, contactIds, now }))
              const byContact = new Map(ours.map((next) => [next.contactId, next.dueAt]))
              expect(byContact.size, `${kind}: ${context}`).toBe(contactIds.length)
              for (const contact of snapshot.contacts) {
                const expected = referenceNextChange(snapshot, contact.id, match, now)
                expect(byContact.get(contact.id), `${kind}, ${contact.id}: ${context}`).toBe(expected)
                if (expected !== null) scheduled += 1
              }
            }
          }
        }
      }),
      { numRuns: 20, endOnFailure: true },
    )
    // Not vacuous: many contacts have a next change to compare.
    expect(scheduled).toBeGreaterThan(100)
  }, 120_000)
})

/** `nextChangeAt` from the contact's events of the condition's names, as the background computation read them. */
function referenceNextChange(
  snapshot: MembershipSnapshot,
  contactId: string,
  match: SegmentCondition,
  now: Date,
): string | null {
  const names = conditionNames(match).events
  const contact = snapshot.contacts.find((candidate) => candidate.id === contactId)!
  const events = snapshot.eventsOf.get(contactId)!.filter((event) => names.has(event.name))
  return nextChangeAt(match, { contact, events, now })?.toISOString() ?? null
}
