import { execFile, spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { assertCliBuilt } from './helpers/collector-process.js'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const binScript = fileURLToPath(new URL('../bin/sillage-collector.js', import.meta.url))

let scratch: string | undefined
afterEach(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
  scratch = undefined
})

/** Runs a command, resolving with its exit code and output whether it succeeds or not. */
async function outcome(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, npm_config_yes: 'false' } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('the sillage-collector command', () => {
  it('is linked by npm ci to the committed bin script, which runs the built CLI', async () => {
    assertCliBuilt()
    const linked = join(repoRoot, 'node_modules', '.bin', 'sillage-collector')
    expect(await realpath(linked)).toBe(await realpath(binScript))
    // --no-install: if the name ever stopped resolving here, npx must fail, never fetch it from the registry.
    const help = await outcome('npx', ['--no-install', 'sillage-collector', '--help'], repoRoot)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: sillage-collector \[flags\]/)
    expect(help.stdout).toContain('--store <url>')
  })

  it('starts the collector through that link, which serves GET /openapi.json', async () => {
    assertCliBuilt()
    scratch = await mkdtemp(join(tmpdir(), 'sillage-bin-'))
    const linked = join(repoRoot, 'node_modules', '.bin', 'sillage-collector')
    const child = spawn(linked, ['--port', '0', '--store', 'memory:'], { cwd: scratch, stdio: 'pipe' })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /listening on (http:\/\/\S+)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${output}`)))
      })
      const response = await fetch(`${url}/openapi.json`)
      expect(response.status).toBe(200)
      const document = await response.json()
      expect(document.openapi).toBe('3.1.0')
      expect(Object.keys(document.paths)).toContain('/v1/batch')
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('says how to build it when dist/ is missing, instead of a stack trace', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sillage-bin-'))
    await mkdir(join(scratch, 'bin'))
    await copyFile(binScript, join(scratch, 'bin', 'sillage-collector.js'))
    await writeFile(join(scratch, 'package.json'), '{ "type": "module" }')
    const unbuilt = await outcome(process.execPath, [join(scratch, 'bin', 'sillage-collector.js'), '--help'], scratch)
    expect(unbuilt.code).toBe(2)
    expect(unbuilt.stderr).toContain('the collector is not built yet')
    expect(unbuilt.stderr).toContain('npm run build')
    expect(unbuilt.stderr).not.toMatch(/\n\s+at /)
  })
})
