// Module hooks that let a worker thread load the collector's TypeScript sources the way
// vitest does: `./x.js` imports resolve to `./x.ts`, `@sillage/protocol` to its sources,
// and `.ts` files are stripped of their types by oxc (rolldown, already a dev dependency
// through vite). For source runs only; see typescript-worker.mjs.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'rolldown/experimental'

const protocolSource = new URL('../../../protocol/src/index.ts', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@sillage/protocol') return { url: protocolSource, shortCircuit: true }
  if (context.parentURL?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
    if (existsSync(typescript)) return { url: typescript.href, shortCircuit: true }
  }
  return nextResolve(specifier, context)
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context)
  const path = fileURLToPath(url)
  const { code, errors } = transformSync(path, await readFile(path, 'utf8'), { lang: 'ts' })
  if (errors.length > 0) throw new Error(`cannot transpile ${path}: ${errors.map((error) => error.message).join('; ')}`)
  return { format: 'module', source: code, shortCircuit: true }
}
