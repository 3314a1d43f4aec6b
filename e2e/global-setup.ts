import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { rollup, type RollupOptions, type OutputOptions } from 'rollup'
import { chromiumPath } from './support/browser.js'
import { COLLECTOR_CLI } from './support/collector.js'

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

/**
 * Runs once before the e2e files: fails fast, with the fix in the message, when the browser or
 * a build output is missing, then bundles the SPA example against the built tracker.
 */
export default async function setup(): Promise<void> {
  const missing = [
    [chromiumPath(), "Chromium: apt-get install chromium (Debian's package; .ci/run does it), or set CHROMIUM_PATH"],
    [COLLECTOR_CLI, 'the collector CLI: run npm run build'],
    [fromRoot('packages/tracker/dist/sillage.js'), 'the tracker script: run npm run build'],
    [fromRoot('packages/tracker/dist/index.mjs'), 'the tracker ESM build: run npm run build'],
    [fromRoot('packages/collector/dist/console-assets/console.js'), 'the console assets: run npm run build'],
  ].filter(([path]) => !existsSync(path!))
  if (missing.length > 0) {
    throw new Error(`e2e cannot start, missing:\n${missing.map(([path, fix]) => `  ${path} (${fix})`).join('\n')}`)
  }
  await bundleSpaExample()
}

async function bundleSpaExample(): Promise<void> {
  const config = (await import(fromRoot('examples/spa/rollup.config.mjs'))).default as RollupOptions
  const bundle = await rollup(config)
  try {
    await bundle.write(config.output as OutputOptions)
  } finally {
    await bundle.close()
  }
}
