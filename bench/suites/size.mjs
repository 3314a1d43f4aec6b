import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'
import { minify } from 'terser'
import { repoRoot } from '../lib/collector-process.mjs'
import { formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { packageFile, peers, sillageEsm, sillageIife } from '../lib/tracker-builds.mjs'

/**
 * Suite 3 — bytes a site pays for each tracker: minified, gzip -9 and brotli -11 of
 * Sillage's builds next to the peers' published builds (see `peers` for which file and why).
 */
export async function sizeSuite({ log }) {
  const rows = []

  rows.push(
    await measure(
      'Sillage IIFE (script tag)',
      sillageIife,
      async () => readFileSync(sillageIife, 'utf8'),
      'packages/tracker/dist/sillage.js, as built',
    ),
  )
  rows.push(
    await measure(
      'Sillage ESM `createTracker`',
      sillageEsm,
      () => bundleEsmImport(sillageEsm, 'createTracker'),
      'dist/index.mjs with its dependencies, as an app bundler adds it (rollup + terser)',
    ),
  )

  for (const peer of peers) {
    let path
    try {
      path = packageFile(peer.package, peer.file)
    } catch {
      rows.push({ name: peer.name, na: 'n/a (not installed: npm install -w @sillage/bench)' })
      continue
    }
    const version = JSON.parse(readFileSync(packageFile(peer.package, 'package.json'), 'utf8')).version
    rows.push(
      await measure(
        `${peer.name} ${version}`,
        path,
        async () => {
          const code = readFileSync(path, 'utf8')
          return peer.minify ? (await minify(code, { compress: true, mangle: true })).code : code
        },
        `${peer.file}${peer.minify ? ' (terser-minified here)' : ''}: ${peer.why}`,
      ),
    )
  }
  log('size: measured')

  const sillage = rows.find((r) => r.name.startsWith('Sillage IIFE'))
  const table = markdownTable(
    ['tracker', 'minified B', 'gzip B', 'brotli B', 'gzip vs Sillage IIFE'],
    rows.map((r) =>
      r.na
        ? [r.name, r.na, '', '', '']
        : [
            r.name,
            formatInt(r.minified),
            formatInt(r.gzip),
            formatInt(r.brotli),
            sillage?.gzip ? `${(r.gzip / sillage.gzip).toFixed(1)} ×` : '–',
          ],
    ),
    { align: ['l', 'r', 'r', 'r', 'r'] },
  )
  const files = rows
    .filter((r) => r.file)
    .map((r) => `- ${r.name}: ${r.file}`)
    .join('\n')
  return {
    markdown: `## 3. Tracker size\n\ngzip level 9, brotli quality 11, bytes.\n\n${table}\n\nFiles measured:\n\n${files}\n`,
    data: rows,
  }
}

async function measure(name, path, load, file) {
  if (!existsSync(path)) return { name, na: `n/a (${relative(repoRoot, path)} not built yet)` }
  const code = Buffer.from(await load())
  return {
    name,
    file,
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
    }).length,
  }
}

/** What `import { name } from entry` costs an app: bundled with its dependencies, tree-shaken, minified. */
async function bundleEsmImport(entry, name) {
  const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-size-'))
  try {
    const input = join(dir, 'fixture.mjs')
    writeFileSync(input, `import { ${name} } from ${JSON.stringify(entry)}\nwindow.__tracker = ${name}\n`)
    const bundle = await rollup({ input, plugins: [nodeResolve({ browser: true })], logLevel: 'silent' })
    const { output } = await bundle.generate({ format: 'es', plugins: [terser()] })
    await bundle.close()
    return output[0].code
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
