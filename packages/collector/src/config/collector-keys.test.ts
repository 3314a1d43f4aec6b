import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataDirOf, resolveCollectorKeys } from './collector-keys.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sillage-keys-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('dataDirOf', () => {
  it('is the SQLite file’s folder, else ./data', () => {
    expect(dataDirOf('sqlite:/var/lib/sillage/events.db?synchronous=normal')).toBe('/var/lib/sillage')
    expect(dataDirOf('memory:')).toBe(resolve('data'))
  })
})

describe('resolveCollectorKeys', () => {
  it('generates keys once, keeps them private in the data dir, and reuses them on restart', async () => {
    const dataDir = join(dir, 'nested', 'data')
    const first = await resolveCollectorKeys(dataDir, { writeKeys: null, secretKey: null })
    expect(first.writeKeys[0]).toMatch(/^wk_/)
    expect(first.secretKey).toMatch(/^sk_/)
    expect((await stat(first.keyFile)).mode & 0o777).toBe(0o600)
    const second = await resolveCollectorKeys(dataDir, { writeKeys: null, secretKey: null })
    expect(second).toEqual(first)
  })

  it('uses given keys as they are and does not persist them', async () => {
    const keys = await resolveCollectorKeys(dir, { writeKeys: ['wk_given_1'], secretKey: 'sk_given_0123456789' })
    expect(keys).toMatchObject({
      writeKeys: ['wk_given_1'],
      secretKey: 'sk_given_0123456789',
      fromKeyFile: { writeKey: false, secretKey: false },
    })
    await expect(readFile(keys.keyFile)).rejects.toThrow(/ENOENT/)
  })
})
