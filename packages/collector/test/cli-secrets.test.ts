import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { killAllCollectorProcesses, runCollectorToExit, startCollectorProcess } from './helpers/collector-process.js'
import { createTestSchema } from './helpers/postgres-test-schema.js'

// Distinctive values, so that finding one anywhere in the output is a leak and nothing else.
const PASSWORD = 's3cret'
const SECRET_KEY = 'sk_given_n0t_for_logs_4242'
const IDENTITY_SECRET = 'idsecret_n0t_for_logs_4242'
const leaks = (output: string) => [PASSWORD, SECRET_KEY, IDENTITY_SECRET].filter((secret) => output.includes(secret))

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sillage-secrets-'))
})
afterEach(async () => {
  killAllCollectorProcesses()
  await rm(dir, { recursive: true, force: true })
})

describe('sillage-collector never prints a secret it was given', () => {
  it('hides the store password when the store cannot be opened', async () => {
    const store = `postgres://user:${PASSWORD}@127.0.0.1:1/db?connect_timeout=2`
    const run = await runCollectorToExit(['--port', '0', '--store', store, '--secret-key', SECRET_KEY], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot open the store postgres://user:***@127.0.0.1:1/db')
    expect(leaks(run.stdout + run.stderr)).toEqual([])
  })

  it('hides it in the refusal of a malformed or unknown store URL', async () => {
    const refusals = await Promise.all([
      runCollectorToExit(['--store', `mysql://user:${PASSWORD}@db/x`], dir),
      runCollectorToExit(['--store', `postgres://user:${PASSWORD}@db/x?max=lots`], dir),
      runCollectorToExit(['--store', `postgres://user:p@ss/${PASSWORD}@[db/x`], dir),
    ])
    for (const run of refusals) {
      expect(run.code).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(leaks(run.stdout + run.stderr)).toEqual([])
    }
    expect(refusals[0]!.stderr).toContain('got "mysql://user:***@db/x"')
  })

  it('prints neither the password, the secret key nor the identity secret while it runs and stops', async () => {
    const schema = await createTestSchema('secrets')
    try {
      // The test server trusts every local login, so any password gets in: the banner is printed.
      const url = new URL(schema.storeUrl())
      url.password = PASSWORD
      const flags = ['--secret-key', SECRET_KEY, '--identity-secret', IDENTITY_SECRET, '--write-keys', 'wk_public_1']
      const collector = await startCollectorProcess(['--store', url.toString(), ...flags], dir)
      expect(collector.output()).toMatch(/store: +postgres:\/\/root:\*\*\*@127\.0\.0\.1/)
      expect(collector.output()).toMatch(/secret key: +\(given by --secret-key or SILLAGE_SECRET_KEY; never printed\)/)
      // A wrong key, a bad body and a read: the request paths that log or answer with errors.
      const bearer = (key: string) => ({ Authorization: `Bearer ${key}` })
      await fetch(`${collector.url}/v1/events`, { headers: bearer(`${SECRET_KEY}x`) })
      await fetch(`${collector.url}/v1/batch`, { method: 'POST', headers: bearer(SECRET_KEY), body: '{' })
      expect((await fetch(`${collector.url}/v1/events`, { headers: bearer(SECRET_KEY) })).status).toBe(200)
      collector.child.kill('SIGTERM')
      expect(await collector.exited).toBe(0)
      expect(leaks(collector.output())).toEqual([])
    } finally {
      await schema.drop()
    }
  })
})
