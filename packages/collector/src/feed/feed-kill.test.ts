import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { Change } from '../events/change.js'
import { createStore } from '../stores/create-store.js'
import { allChanges } from '../stores/contract/change-feed-contract.test-suite.js'
import { dropTestSchemas, ensureReachable, freshSchemaUrl } from '../stores/postgres/postgres-test-server.test-suite.js'
import { enteringConsumer } from './entering-consumer.test-suite.js'
import { FeedFollower } from './feed-follower.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-feed-kill-'))

/** Runs the fixture until it kills itself; returns the batches it saw acknowledged. */
function followThenDie(storeUrl: string): Promise<number[]> {
  const fixture = fileURLToPath(new URL('./follow-then-die.fixture.mjs', import.meta.url))
  const child = spawn(process.execPath, [fixture, storeUrl], { cwd: fileURLToPath(new URL('../..', import.meta.url)) })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        return reject(new Error(`fixture ended with ${code ?? signal} instead of killing itself: ${stderr}`))
      resolve(JSON.parse(stdout) as number[])
    })
  })
}

const messageIdOf = (change: Change) => (change.data as { messageId: string }).messageId

describe('change feed and a consumer, process killed mid-way (kill -9)', () => {
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true })
    await dropTestSchemas()
  })

  it.each([
    ['sqlite', async () => `sqlite:${join(directory, 'sillage.db')}`],
    ['postgres', async () => (await ensureReachable(), freshSchemaUrl())],
  ])(
    '%s: every acknowledged event is in the feed once, and the consumer resumes without a gap or a repeat',
    { timeout: 60_000 },
    async (_, url) => {
      const storeUrl = await url()
      const acked = await followThenDie(storeUrl)
      expect(acked.length).toBeGreaterThanOrEqual(10)

      const store = createStore(storeUrl)
      await store.open()
      try {
        const before = await allChanges(store)
        const handledBefore = before.filter((change) => change.type === 'segment.entered').length
        // After the restart the consumer picks up from its stored cursor.
        await new FeedFollower({ source: store, consumer: enteringConsumer, batchSize: 7 }).catchUp()
        const changes = await allChanges(store)
        const stored = changes.filter((change) => change.type === 'event.stored').map(messageIdOf)
        const entered = changes.filter((change) => change.type === 'segment.entered').map(messageIdOf)
        expect(new Set(stored).size).toBe(stored.length)
        for (const batch of acked) for (let e = 0; e < 5; e += 1) expect(stored).toContain(`b${batch}-e${e}`)
        // Each stored event handled exactly once, across the kill, in feed order.
        expect(entered).toEqual(stored)
        expect(handledBefore, 'the consumer had handled some changes before the kill').toBeGreaterThan(0)
      } finally {
        await store.close()
      }
    },
  )
})
