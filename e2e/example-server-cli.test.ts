import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** `node examples/serve.mjs …` to its end: exit code and output, whether it succeeds or not. */
async function serveCommand(args: string[]) {
  try {
    const options = { cwd: repoRoot, timeout: 20_000 }
    const { stdout, stderr } = await run(process.execPath, ['examples/serve.mjs', ...args], options)
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

let blocker: Server | undefined
afterEach(() => new Promise<void>((done) => (blocker ? blocker.close(() => done()) : done())))

describe('examples/serve.mjs on the command line', () => {
  it('answers --help with its flags', async () => {
    const help = await serveCommand(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: node examples\/serve\.mjs/)
    expect(help.stdout).toContain('--root <dir>')
  })

  it('says in one line that its port is taken, and what to pass instead', async () => {
    blocker = createServer()
    const port = await new Promise<number>((listening) =>
      blocker!.listen(0, '127.0.0.1', () => listening((blocker!.address() as { port: number }).port)),
    )
    const taken = await serveCommand(['--port', String(port), '--write-key', 'wk_example'])
    expect(taken.code).toBe(2)
    const hint = 'pass --port 8081, or --port 0 for any free port'
    const answer = `serve.mjs: port ${port} is taken (npm start serves the shop there): ${hint}`
    expect(taken.stderr.trim().split('\n')).toEqual([answer])
  })

  it('refuses an unknown flag in one line', async () => {
    const unknown = await serveCommand(['--colector', 'http://x'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
  })
})
