import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import { createStore } from '../src/stores/create-store.js'
import { killAllCollectorProcesses, runCollectorToExit, startCollectorProcess } from './helpers/collector-process.js'
import { basic, trackEvent } from './helpers/test-collector.js'

const WRITE_KEY = 'wk_cli_test_1'
const SECRET_KEY = 'sk_cli_test_0123456789'

let dir: string
let storeUrl: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sillage-cli-'))
  storeUrl = `sqlite:${join(dir, 'data', 'sillage.db')}`
})
afterEach(async () => {
  killAllCollectorProcesses()
  await rm(dir, { recursive: true, force: true })
})

const start = () =>
  startCollectorProcess(['--store', storeUrl, '--write-keys', WRITE_KEY, '--secret-key', SECRET_KEY], dir)

function sendBatch(url: string, batch: unknown[]) {
  return fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic(WRITE_KEY) },
    body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
  })
}

async function storedMessageIds(): Promise<string[]> {
  const store = createStore(storeUrl)
  await store.open()
  try {
    return (await store.listEvents({ limit: 1000 })).events.map((event: StoredEvent) => event.messageId)
  } finally {
    await store.close()
  }
}

describe('sillage-collector on SQLite', () => {
  it('deletes the events past --retention-days when it starts, and still stops cleanly', async () => {
    const first = await start()
    const old = trackEvent({ messageId: 'from-2020', timestamp: '2020-01-01T00:00:00.000Z' })
    const recent = trackEvent({ messageId: 'recent' })
    expect((await sendBatch(first.url, [old, recent])).status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect((await storedMessageIds()).sort()).toEqual(['from-2020', 'recent'])

    const second = await startCollectorProcess(
      ['--store', storeUrl, '--write-keys', WRITE_KEY, '--secret-key', SECRET_KEY, '--retention-days', '30'],
      dir,
    )
    // The deletion runs in the background from the start: wait for its effect, with a bound.
    const deadline = Date.now() + 15_000
    while ((await storedMessageIds()).includes('from-2020') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await storedMessageIds()).toEqual(['recent'])
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })

  it('has committed every acknowledged event when it is killed right after the 200', async () => {
    const collector = await start()
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 25 }, () => trackEvent()))
    const responses = await Promise.all(batches.map((batch) => sendBatch(collector.url, batch)))
    collector.child.kill('SIGKILL')
    expect(await collector.exited).toBe('SIGKILL')
    for (const response of responses)
      expect(await response.json()).toEqual({ accepted: 25, duplicates: 0, rejected: [] })

    const acknowledged = batches.flat().map((event) => event.messageId as string)
    expect((await storedMessageIds()).sort()).toEqual(acknowledged.sort())
  })

  it('keeps every event across a restart, and still de-duplicates retries after it', async () => {
    const batch = Array.from({ length: 10 }, () => trackEvent())
    const first = await start()
    expect((await sendBatch(first.url, batch)).status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.output()).toMatch(/SIGTERM received/)

    const second = await start()
    expect(await (await sendBatch(second.url, batch)).json()).toEqual({ accepted: 0, duplicates: 10, rejected: [] })
    const response = await fetch(`${second.url}/v1/events?limit=100`, {
      headers: { Authorization: `Bearer ${SECRET_KEY}` },
    })
    const { events } = await response.json()
    expect(events.map((event: StoredEvent) => event.messageId).sort()).toEqual(
      batch.map((event) => event.messageId).sort(),
    )
  })

  it('prints its URL, store, keys and the script tag; keeps generated keys across restarts', async () => {
    const first = await startCollectorProcess(['--store', storeUrl], dir)
    const output = first.output()
    expect(output).toContain(`store:                 ${storeUrl}`)
    expect(output).toMatch(
      new RegExp(`<script async src="${first.url}/sillage.js" data-write-key="wk_[\\w-]+"></script>`),
    )
    expect(output).toContain(`console:               ${first.url}/console`)
    const writeKey = /data-write-key="(wk_[\w-]+)"/.exec(output)![1]
    const secretKey = /secret key: +(sk_[\w-]+)/.exec(output)![1]
    first.child.kill('SIGTERM')
    await first.exited

    const second = await startCollectorProcess(['--store', storeUrl], dir)
    expect(second.output()).toContain(`data-write-key="${writeKey}"`)
    expect(second.output()).toContain(`secret key:            ${secretKey}`)
  })

  it('exits 2 with a one-line reason for a bad flag or a store it cannot open', async () => {
    const badFlag = await runCollectorToExit(['--port', 'eighty'], dir)
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr.trim().split('\n')).toEqual([
      'sillage-collector: --port must be a number from 0 to 65535, got "eighty"',
    ])

    // The store's folder cannot be created: a file is in the way.
    await writeFile(join(dir, 'not-a-folder'), '')
    const unopenable = `sqlite:${join(dir, 'not-a-folder', 'x.db')}`
    const badStore = await runCollectorToExit(
      ['--port', '0', '--store', unopenable, '--write-keys', WRITE_KEY, '--secret-key', SECRET_KEY],
      dir,
    )
    expect(badStore.code).toBe(2)
    expect(badStore.stderr.trim().split('\n')).toHaveLength(1)
    expect(badStore.stderr.startsWith(`sillage-collector: cannot open the store ${unopenable}: `)).toBe(true)
  })
})
