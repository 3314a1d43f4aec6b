import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const createStore = fileURLToPath(new URL('../../../dist/stores/create-store.js', import.meta.url))

/** Runs a process that opens `memory:` stores through the built package, then does `ending`. */
function runChild(ending: string): { tmp: string; status: number | null; stderr: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'sillage-tmpdir-test-'))
  const script = `
    const { createStore } = await import(${JSON.stringify(createStore)})
    const first = createStore('memory:'), second = createStore('memory:')
    await first.open(); await second.open()
    ${ending}`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TMPDIR: tmp },
    encoding: 'utf8',
  })
  return { tmp, status: child.status, stderr: child.stderr }
}

describe('memory: store files', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('are gone when the process exits without closing the stores', () => {
    const { tmp, status, stderr } = runChild('process.exit(0)')
    made.push(tmp)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(readdirSync(tmp)).toEqual([])
  })

  it('are gone once closed, and the process then exits by itself', () => {
    const { tmp, status, stderr } = runChild('await first.close(); await second.close()')
    made.push(tmp)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(readdirSync(tmp)).toEqual([])
  })
})
