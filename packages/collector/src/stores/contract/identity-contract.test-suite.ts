import { describe, expect, it } from 'vitest'
import type { Store } from '../store.js'
import { makeEvent } from './event-fixture.test-suite.js'
import { type ExpectedContact, type IdentityScenario, identityScenarios } from './identity-scenarios.test-suite.js'
import { allEvents, ownerOfEachEvent, type StoreHarness, useStores } from './store-harness.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'

const modes = ['one ingest per event', 'one batch'] as const

/** Runs every identity scenario twice: event by event (as a browser sends), and as one batch. */
export function describeIdentityContract(harness: StoreHarness): void {
  describe('identity scenarios', () => {
    const stores = useStores(harness)
    for (const scenario of identityScenarios) {
      for (const mode of modes) {
        it(`${scenario.name} (${mode})`, async () => {
          const store = await stores.open()
          const events = scenario.events.map((spec, index) => makeEvent({ at: index, ...spec }))
          const ownerWhenIngested = new Map<string, string>()
          if (mode === 'one batch') {
            expect(await ingest(store, events)).toEqual({ accepted: events.length, duplicates: 0 })
          } else {
            for (const event of events) {
              expect(await ingest(store, [event])).toEqual({ accepted: 1, duplicates: 0 })
              ownerWhenIngested.set(event.messageId, (await ownerOfEachEvent(store)).get(event.messageId)!)
            }
          }
          await expectContacts(store, scenario)
          if (mode === 'one ingest per event') await expectOldIdsResolve(store, ownerWhenIngested)
        })
      }
    }
  })
}

async function expectContacts(store: Store, scenario: IdentityScenario): Promise<void> {
  const owners = await ownerOfEachEvent(store)
  expect([...owners.keys()].sort()).toEqual(scenario.events.map((event) => event.messageId).sort())
  expect(new Set(owners.values()).size, 'number of contacts owning events').toBe(scenario.contacts.length)
  for (const expected of scenario.contacts) await expectContact(store, owners, expected)
  for (const lookup of scenario.unknown ?? [])
    expect(await store.findContacts(lookup), JSON.stringify(lookup)).toEqual([])
}

async function expectContact(store: Store, owners: Map<string, string>, expected: ExpectedContact): Promise<void> {
  const id = owners.get(expected.events[0]!)!
  const owned = [...owners].filter(([, owner]) => owner === id).map(([messageId]) => messageId)
  expect(owned.sort(), `events of the contact owning ${expected.events[0]}`).toEqual([...expected.events].sort())
  const contact = (await store.getContact(id))!
  expect({ userId: contact.userId, email: contact.email, anonymousIds: contact.anonymousIds }).toEqual({
    userId: expected.userId,
    email: expected.email,
    anonymousIds: expected.anonymousIds,
  })
  if (expected.attributes !== undefined) expect(contact.attributes).toEqual(expected.attributes)
  if (expected.summaries !== undefined) expect(contact.summaries).toEqual(expected.summaries)
  const timeline = await allEvents(store, id)
  expect(timeline.map((event) => event.messageId).sort()).toEqual([...expected.events].sort())
  expect(timeline.every((event) => event.contactId === id)).toBe(true)
  const lookups = [
    ...(expected.userId === null ? [] : [{ userId: expected.userId }]),
    ...(expected.email === null ? [] : [{ email: expected.email }]),
    ...expected.anonymousIds.map((anonymousId) => ({ anonymousId })),
  ]
  for (const lookup of lookups)
    expect(
      (await store.findContacts(lookup)).map((found) => found.id),
      JSON.stringify(lookup),
    ).toEqual([id])
}

/** Every id a contact ever had keeps answering with the survivor, which lists it in mergedFrom. */
async function expectOldIdsResolve(store: Store, ownerWhenIngested: Map<string, string>): Promise<void> {
  const owners = await ownerOfEachEvent(store)
  const formerIds = new Map<string, Set<string>>()
  for (const [messageId, oldId] of ownerWhenIngested) {
    const survivor = owners.get(messageId)!
    expect((await store.getContact(oldId))?.id, `contact ${oldId} of ${messageId}`).toBe(survivor)
    expect((await allEvents(store, oldId)).some((event) => event.messageId === messageId)).toBe(true)
    if (oldId !== survivor) formerIds.set(survivor, (formerIds.get(survivor) ?? new Set()).add(oldId))
  }
  for (const survivor of new Set(owners.values())) {
    const contact = (await store.getContact(survivor))!
    expect(contact.mergedFrom).toEqual([...(formerIds.get(survivor) ?? [])].sort())
  }
}
