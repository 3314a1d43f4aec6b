import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { dropTestSchemas, freshSchemaUrl, testStores } from './postgres-test-server.test-suite.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'

const { open, closeAll } = testStores()

/** A pool of 2 runs one write transaction at a time: requests sent together share the next one. */
const oneWriterAtATime = (url: string) => `${url}&max=2`

describe('postgres store: requests sharing one transaction (group commit)', () => {
  afterAll(async () => {
    await closeAll()
    await dropTestSchemas()
  })

  it('a request PostgreSQL refuses fails alone: the requests sharing its transaction are stored', async () => {
    const store = await open(oneWriterAtATime(freshSchemaUrl()))
    // A NUL character is refused in a text column ("invalid byte sequence"): a failure
    // that only the database notices, halfway through the shared transaction.
    const names = ['a', 'b', 'c', 'refused\u0000', 'd', 'e', 'f', 'g']
    const results = await Promise.allSettled(
      names.map((name, i) => ingest(store, [makeEvent({ messageId: `m${i}`, anon: `device-${i}`, name })])),
    )
    expect(results.map((result) => result.status)).toEqual(
      names.map((name) => (name.includes('\u0000') ? 'rejected' : 'fulfilled')),
    )
    const stored = (await store.listEvents({ limit: 100 })).events.map((event) => event.name).sort()
    expect(stored).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    const [refusedDevice] = await store.findContacts({ anonymousId: 'device-3' })
    expect(refusedDevice).toBeUndefined()
  })

  it('acknowledges a request only once it is committed: another collector sees it at once', async () => {
    const url = oneWriterAtATime(freshSchemaUrl())
    const [writer, reader] = [await open(url), await open(url)]
    const unseen: string[] = []
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const device = `device-${i}`
        await ingest(writer, [
          makeEvent({ messageId: `m${i}`, anon: device, at: i }),
          makeEvent({ messageId: `n${i}`, anon: device, at: i }),
        ])
        const [contact] = await reader.findContacts({ anonymousId: device })
        if (contact?.summaries[0]?.count !== 2) unseen.push(device)
      }),
    )
    expect(unseen).toEqual([])
    const events = (await reader.listEvents({ limit: 100 })).events
    expect(events).toHaveLength(48)
  })

  it('two requests for one new device in one shared transaction give it one contact', async () => {
    const store = await open(oneWriterAtATime(freshSchemaUrl()))
    await Promise.all([
      ingest(store, [makeEvent({ messageId: 'first', anon: 'other-device' })]),
      ingest(store, [makeEvent({ messageId: 'm1', anon: 'new-device', at: 1 })]),
      ingest(store, [
        makeEvent({ messageId: 'm2', anon: 'new-device', at: 2 }),
        makeEvent({ messageId: 'm1', anon: 'new-device', at: 1 }),
      ]),
    ])
    const contacts = await store.findContacts({ anonymousId: 'new-device' })
    expect(contacts).toHaveLength(1)
    expect(contacts[0]!.summaries).toEqual([expect.objectContaining({ name: 'button_clicked', count: 2 })])
  })
})
