import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { ensureReachable, freshSchemaUrl } from '../../src/stores/postgres/postgres-test-server.test-suite.js'

/**
 * Every store the scenarios run on, each giving a fresh store URL: `memory:`, a SQLite
 * file, a PostgreSQL schema of its own. Registers the removal of the SQLite files.
 */
export function scenarioStores(): Array<[string, () => Promise<string>]> {
  const directory = mkdtempSync(join(tmpdir(), 'sillage-automation-scenarios-'))
  let files = 0
  afterAll(() => rmSync(directory, { recursive: true, force: true }))
  return [
    ['memory:', async () => 'memory:'],
    ['a SQLite file', async () => `sqlite:${join(directory, `scenario-${++files}.db`)}`],
    ['postgres', async () => (await ensureReachable(), freshSchemaUrl())],
  ]
}
