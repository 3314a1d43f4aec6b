import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'
import { contactListSql } from './operations/list-contacts.js'
import { SqliteStore } from './sqlite-store.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-sqlite-activity-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

async function storeWithContacts(name: string) {
  const path = join(directory, name, 'sillage.db')
  const store = new SqliteStore({ path })
  await store.open()
  await ingest(store, [
    makeEvent({ messageId: 'a1', anon: 'dev-a', at: 7 }),
    makeEvent({ messageId: 'b1', anon: 'dev-b', at: 3 }),
    makeEvent({ messageId: 'c1', anon: 'dev-c', userId: 'u_c', at: 5 }),
  ])
  await ingest(store, [makeEvent({ messageId: 'b2', anon: 'dev-b', userId: 'u_c', type: 'identify', at: 1 })])
  return { path, store }
}

describe('sqlite contacts list by activity', () => {
  it('fills last_seen for the contacts of a file made before the column existed', async () => {
    const { path, store } = await storeWithContacts('upgrade')
    const before = await store.listContacts({ limit: 10 })
    await store.close()
    // Back to the schema of version 5, as an older collector left the file.
    const db = new Database(path)
    db.exec(`DROP INDEX contacts_by_activity; ALTER TABLE contacts DROP COLUMN last_seen;
      DELETE FROM schema_migrations WHERE version = 6`)
    db.close()

    const upgraded = new SqliteStore({ path })
    await upgraded.open()
    const after = await upgraded.listContacts({ limit: 10 })
    await upgraded.close()
    expect(after).toEqual(before)
    expect(after.contacts.map((contact) => contact.lastSeen)).toEqual([
      '2024-05-01T10:07:00.000Z',
      '2024-05-01T10:05:00.000Z',
    ])
  })

  it('reads the first and the next pages by walking the activity index, never sorting the table', async () => {
    const { path, store } = await storeWithContacts('plan')
    await store.close()
    const db = new Database(path, { readonly: true })
    const plan = (after: boolean) =>
      (
        db
          .prepare(`EXPLAIN QUERY PLAN ${contactListSql(after)}`)
          .all({ activity: '2024-05-01T10:05:00.000Z', id: 'c_x', limit: 51 }) as Array<{ detail: string }>
      ).map((step) => step.detail)
    // The first page reads the index from its end; a next page seeks to the cursor first.
    expect(plan(false)[0]).toBe('SCAN c USING INDEX contacts_by_activity')
    expect(plan(true)[0]).toMatch(/^SEARCH c USING INDEX contacts_by_activity \(<expr><\?\)/)
    for (const after of [false, true]) expect(plan(after).join('\n')).not.toMatch(/TEMP B-TREE|SCAN (a|s)\b/)
    db.close()
  })
})
