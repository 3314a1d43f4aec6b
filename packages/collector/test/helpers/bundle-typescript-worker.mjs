// Worker threads cannot load the collector's TypeScript sources, and tests run from the
// sources (no build needed). For those runs, this bundles a worker's `.ts` entry into
// one plain module, once per process, with rolldown (a dev dependency through vite).
// Packages stay external; the file goes under node_modules/.cache so they resolve.
// Built code never comes here: it starts its compiled `.js` worker.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { rolldown } from 'rolldown'

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/sillage-workers/', import.meta.url))
const protocolSource = fileURLToPath(new URL('../../../protocol/src/index.ts', import.meta.url))
const bundles = new Map()

/**
 * @param {URL} entry the worker's `.ts` file
 * @returns {Promise<URL>} a plain ES module to pass to `new Worker()`
 */
export function bundleTypescriptWorker(entry) {
  if (!bundles.has(entry.href)) bundles.set(entry.href, bundle(entry))
  return bundles.get(entry.href)
}

async function bundle(entry) {
  await mkdir(cacheDir, { recursive: true })
  const build = await rolldown({
    input: fileURLToPath(entry),
    platform: 'node',
    logLevel: 'silent',
    resolve: { alias: { '@sillage/protocol': protocolSource } },
    external: (id) => builtinModules.includes(id) || id.startsWith('node:') || /^(better-sqlite3|zod)(\/|$)/.test(id),
  })
  let code
  try {
    code = (await build.generate({ format: 'esm' })).output[0].code
  } finally {
    await build.close()
  }
  // Named by content: parallel test processes share one file per version of the sources.
  const name = entry.pathname.split('/').pop().replace(/\.ts$/, '')
  const file = `${cacheDir}${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`
    await writeFile(partial, code)
    await rename(partial, file)
  }
  return pathToFileURL(file)
}
