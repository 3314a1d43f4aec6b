/**
 * Size budget of everything the console sends to a browser besides its HTML: the script
 * and the stylesheet, built here with the same rollup plugins as `npm run build` (no
 * prior build needed).
 */
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { rollup, type OutputAsset, type OutputChunk } from 'rollup'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM config without types
import { consolePlugins } from '../../../../../rollup.config.mjs'

const entry = fileURLToPath(new URL('./client/console-client.ts', import.meta.url))
const BUDGET_GZIP_BYTES = 15 * 1024

/** Names that would mean a framework or a server module slipped into the client. */
const FORBIDDEN = ['zod', 'hono', 'react', 'node:', 'createRequire']

async function buildConsoleAssets(): Promise<{ script: string; stylesheet: string }> {
  const bundle = await rollup({ input: entry, plugins: consolePlugins(), onwarn: () => {} })
  const { output } = await bundle.generate({ format: 'iife' })
  await bundle.close()
  const script = output.find((file): file is OutputChunk => file.type === 'chunk')!.code
  const stylesheet = String(output.find((file): file is OutputAsset => file.fileName === 'console.css')!.source)
  return { script, stylesheet }
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length

describe('console assets size', () => {
  it('keeps the console script and stylesheet together within 15 KB gzip', async () => {
    const { script, stylesheet } = await buildConsoleAssets()
    expect(script).toContain('time[datetime]') // the real client was built, not an empty file
    expect(stylesheet).toContain('.chart .bar')
    expect(gzip(script) + gzip(stylesheet)).toBeLessThanOrEqual(BUDGET_GZIP_BYTES)
    for (const name of FORBIDDEN) expect(script, name).not.toContain(name)
  }, 60_000)
})
