import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { createStore } from '../create-store.js'
import { StoreUnavailableError } from '../store.js'
import { postgresMigrations } from './postgres-migrations.js'
import {
  dropTestSchemas,
  ensureReachable,
  freshSchemaUrl,
  testServerUrl,
  testStores,
} from './postgres-test-server.test-suite.js'
import { startTcpProxy } from './tcp-proxy.test-suite.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'

const { open, closeAll } = testStores()

describe('postgres store: several collectors, outages', () => {
  afterAll(async () => {
    await closeAll()
    await dropTestSchemas()
  })

  it('migrates once when several collectors start on a fresh schema at the same moment', async () => {
    const url = freshSchemaUrl()
    await Promise.all(Array.from({ length: 4 }, () => open(url)))
    const sql = postgres(testServerUrl, { max: 1, onnotice: () => {} })
    const schema = new URL(url).searchParams.get('schema')!
    const versions = await sql`SELECT version FROM ${sql(schema)}.schema_migrations ORDER BY version`
    await sql.end()
    expect(versions.map((row) => row.version)).toEqual(postgresMigrations.map((step) => step.version))
  })

  it('two collectors sent the same batches and identify calls concurrently: no duplicate events or contacts', async () => {
    const url = freshSchemaUrl()
    const collectors = [await open(url), await open(url)]
    const batches = Array.from({ length: 12 }, (_, i) => [
      makeEvent({ messageId: `view-${i}`, anon: `device-${i % 3}`, at: i }),
      makeEvent({
        messageId: `login-${i}`,
        anon: `device-${i % 3}`,
        userId: 'u1',
        email: 'ann@example.com',
        type: 'identify',
        at: i,
      }),
    ])
    const results = await Promise.all(batches.flatMap((batch) => collectors.map((store) => ingest(store, batch))))
    expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(24)
    expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(24)
    const events = (await collectors[1]!.listEvents({ limit: 100 })).events
    expect(events).toHaveLength(24)
    expect(new Set(events.map((event) => event.contactId)).size).toBe(1)
    const [contact] = await collectors[0]!.findContacts({ userId: 'u1' })
    expect(contact).toMatchObject({ email: 'ann@example.com', anonymousIds: ['device-0', 'device-1', 'device-2'] })
    expect(contact!.summaries).toEqual([
      expect.objectContaining({ name: 'button_clicked', count: 12 }),
      expect.objectContaining({ name: 'identify', count: 12 }),
    ])
  })

  it('answers StoreUnavailableError while the database is away, acknowledges nothing, and recovers by itself', async () => {
    await ensureReachable()
    const target = new URL(testServerUrl)
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432))
    const proxied = new URL(freshSchemaUrl())
    proxied.host = `127.0.0.1:${proxy.port}`
    proxied.searchParams.set('connect_timeout', '2')
    const store = await open(proxied.toString())
    await ingest(store, [makeEvent({ messageId: 'before', anon: 'd1' })])

    await proxy.cut()
    await expect(ingest(store, [makeEvent({ messageId: 'during', anon: 'd1' })])).rejects.toBeInstanceOf(
      StoreUnavailableError,
    )
    await expect(store.listEvents({ limit: 10 })).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await store.isHealthy()).toBe(false)

    await proxy.restore()
    expect(await store.isHealthy()).toBe(true)
    expect(await ingest(store, [makeEvent({ messageId: 'after', anon: 'd1' })])).toEqual({ accepted: 1, duplicates: 0 })
    expect((await store.listEvents({ limit: 10 })).events.map((event) => event.messageId)).toEqual(['after', 'before'])
    await store.close()
    await proxy.cut()
  })

  it('refuses to open a server that is not there, naming it without its password', async () => {
    const store = createStore('postgres://sillage:s3cret@127.0.0.1:1/nowhere?connect_timeout=2')
    const failure = store.open()
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(failure).rejects.toThrow(
      /Cannot open postgres:\/\/sillage:\*\*\*@127\.0\.0\.1:1\/nowhere.*ECONNREFUSED/,
    )
    await expect(failure).rejects.not.toThrow(/s3cret/)
    expect(await store.isHealthy()).toBe(false)
  })
})
