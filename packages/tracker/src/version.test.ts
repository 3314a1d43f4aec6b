import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { VERSION } from './version.js'

it('reports the version of package.json as context.library.version', () => {
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../package.json')
  expect(VERSION).toBe(JSON.parse(readFileSync(path, 'utf8')).version)
})
