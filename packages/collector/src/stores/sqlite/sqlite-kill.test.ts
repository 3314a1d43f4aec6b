import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createStore } from '../create-store.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-kill-'))

/** Runs the fixture until it kills itself; returns the batches it saw acknowledged. */
function ingestThenDie(storeUrl: string): Promise<number[]> {
  const fixture = fileURLToPath(new URL('./ingest-then-die.fixture.mjs', import.meta.url))
  const child = spawn(process.execPath, [fixture, storeUrl], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
  })
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

describe('sqlite store, process killed right after an acknowledgement', () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it.each(['full', 'normal'])('keeps every acknowledged batch, whole, with synchronous=%s', async (synchronous) => {
    const url = `sqlite:${join(directory, synchronous, 'sillage.db')}?synchronous=${synchronous}`
    const acked = await ingestThenDie(url)
    expect(acked).toHaveLength(10)

    const store = createStore(url)
    await store.open()
    try {
      const stored = await store.listEvents({ limit: 1000 })
      const perBatch = new Map<string, number>()
      for (const event of stored.events) {
        const batch = event.messageId.split('-')[0]!
        perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1)
      }
      for (const batch of acked) expect(perBatch.get(`b${batch}`), `batch ${batch}`).toBe(20)
      // Batches are atomic: one is either all there or not there at all.
      expect([...perBatch.values()].every((count) => count === 20)).toBe(true)
      const [contact] = await store.findContacts({ userId: `user-${acked[0]}` })
      expect(contact?.anonymousIds).toEqual([`device-${acked[0]}`])
      expect(contact?.summaries).toEqual([expect.objectContaining({ name: 'clicked', count: 20 })])
    } finally {
      await store.close()
    }
  })
})
