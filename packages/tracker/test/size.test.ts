// @vitest-environment node
/**
 * Size budgets, built here with the same rollup plugins as the shipped files (no prior
 * build needed): the script-tag IIFE and an ESM fixture that only creates a tracker and
 * tracks, both with idb-keyval bundled and minified.
 */
import { gzipSync } from 'node:zlib'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup, type Plugin } from 'rollup'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM config without types
import { trackerPlugins } from '../../../rollup.config.mjs'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

/** Identifiers that must never reach the core bundles. */
const FORBIDDEN = [
  'zod', // the protocol's schemas: the tracker imports types only
  'ZodError',
  'web-vitals',
  'onLCP', // web-vitals entry points: the vitals plugin only
  'onINP',
  'onCLS',
  'pushState', // the spa plugin only
  'replaceState',
  'popstate',
]

async function build(code: string, format: 'es' | 'iife'): Promise<string> {
  const fixture: Plugin = {
    name: 'fixture',
    resolveId: (id) => (id === 'fixture' ? id : id === '@sillage/tracker' ? resolve(src, 'index.ts') : null),
    load: (id) => (id === 'fixture' ? code : null),
  }
  const bundle = await rollup({
    input: 'fixture',
    plugins: [fixture, ...trackerPlugins({ module: format === 'es' })],
    onwarn: () => {},
  })
  const { output } = await bundle.generate({ format })
  await bundle.close()
  return output[0].code
}

const gzip = (code: string) => gzipSync(code, { level: 9 }).length

describe('bundle size', () => {
  it('keeps the script-tag IIFE (sillage.js) within 4,096 bytes gzip, free of plugin and zod code', async () => {
    const iife = await build(`import ${JSON.stringify(resolve(src, 'browser.ts'))}`, 'iife')
    expect(gzip(iife)).toBeLessThanOrEqual(4096)
    for (const name of FORBIDDEN) expect(iife, name).not.toContain(name)
  }, 60_000)

  it('keeps an ESM app that only creates a tracker and tracks within 3,485 bytes gzip', async () => {
    const esm = await build(
      `import { createTracker } from '@sillage/tracker'
       createTracker({ writeKey: 'wk', endpoint: 'https://collector.example' }).track('signup')`,
      'es',
    )
    expect(gzip(esm)).toBeLessThanOrEqual(3485)
    for (const name of FORBIDDEN) expect(esm, name).not.toContain(name)
  }, 60_000)

  it('finds the spa identifiers when the spa plugin is imported (the check above can fail)', async () => {
    const withSpa = await build(
      `import { createTracker } from '@sillage/tracker'
       import { spa } from ${JSON.stringify(resolve(src, 'plugins/spa.ts'))}
       createTracker({ writeKey: 'wk', plugins: [spa()] })`,
      'es',
    )
    expect(withSpa).toContain('pushState')
  }, 60_000)
})
