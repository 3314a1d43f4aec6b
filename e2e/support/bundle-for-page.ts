import commonjsPlugin from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { rollup, type RollupLog } from 'rollup'

// The plugin's types describe a CommonJS module under NodeNext; its ESM build's default export is the plugin itself.
const commonjs = commonjsPlugin as unknown as typeof commonjsPlugin.default

/** Lint of third-party code (`this` at the top of a transpiled module, import cycles): not ours to fix. */
const THIRD_PARTY_NOISE = new Set(['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY'])

/**
 * Bundles a page's script from npm packages, as a site's build would: the browser entry of
 * each package (`nodeResolve({ browser: true })`), CommonJS dependencies converted, lazy
 * chunks inlined so the page fetches one file from its own origin and nothing else.
 *
 * @example
 *   await bundleForPage({ input: 'e2e/fixtures/segment/entry.js', output: 'e2e/fixtures/segment/dist/library.js' })
 */
export async function bundleForPage({ input, output }: { input: string; output: string }): Promise<void> {
  const bundle = await rollup({
    input,
    plugins: [nodeResolve({ browser: true }), commonjs()],
    onwarn(warning: RollupLog, warn) {
      if (!THIRD_PARTY_NOISE.has(warning.code ?? '')) warn(warning)
    },
  })
  try {
    await bundle.write({ file: output, format: 'iife', inlineDynamicImports: true })
  } finally {
    await bundle.close()
  }
}
