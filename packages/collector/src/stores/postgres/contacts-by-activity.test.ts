import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'
import { dropTestSchemas, freshSchemaUrl, testServerUrl, testStores } from './postgres-test-server.test-suite.js'

const { open, closeAll } = testStores()

describe('postgres contacts list by activity', () => {
  afterAll(async () => {
    await closeAll()
    await dropTestSchemas()
  })

  it('fills last_seen for the contacts of a schema made before the column existed', async () => {
    const url = freshSchemaUrl()
    const store = await open(url)
    await ingest(store, [
      makeEvent({ messageId: 'a1', anon: 'dev-a', at: 7 }),
      makeEvent({ messageId: 'b1', anon: 'dev-b', at: 3 }),
      makeEvent({ messageId: 'c1', anon: 'dev-c', userId: 'u_c', at: 5 }),
    ])
    await ingest(store, [makeEvent({ messageId: 'b2', anon: 'dev-b', userId: 'u_c', type: 'identify', at: 1 })])
    const before = await store.listContacts({ limit: 10 })
    // Back to the schema of version 5, as an older collector left it.
    const sql = postgres(testServerUrl, { max: 1, onnotice: () => {} })
    const schema = new URL(url).searchParams.get('schema')!
    await sql.begin(async (tx) => {
      await tx`SET LOCAL search_path TO ${tx(schema)}`
      await tx`DROP INDEX contacts_in_id_order`
      await tx`DROP INDEX segment_members_in_id_order`
      await tx`DROP INDEX contacts_by_activity`
      await tx`ALTER TABLE contacts DROP COLUMN last_seen`
      await tx`DELETE FROM schema_migrations WHERE version >= 6`
    })
    await sql.end()

    const upgraded = await open(url)
    const after = await upgraded.listContacts({ limit: 10 })
    expect(after).toEqual(before)
    expect(after.contacts.map((contact) => contact.lastSeen)).toEqual([
      '2024-05-01T10:07:00.000Z',
      '2024-05-01T10:05:00.000Z',
    ])
  })
})
