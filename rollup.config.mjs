// Builds @sillage/tracker: tree-shakable ESM (+ .d.ts) for bundlers, and the minified
// IIFE `sillage.js` that the collector serves for the script tag.
import { fileURLToPath } from 'node:url'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const tracker = (path) => fileURLToPath(new URL(`./packages/tracker/${path}`, import.meta.url))

/** Shared by every build and by the size tests, so that they measure what ships. */
export const terserOptions = {
  ecma: 2020,
  compress: { passes: 2 },
  // Internal fields and methods are written `_name`: safe to shorten across the bundle.
  mangle: { properties: { regex: /^_/ } },
  format: { comments: false },
}

/**
 * @param {{ declarations?: boolean, module?: boolean }} [options]
 */
export function trackerPlugins({ declarations = false, module = true } = {}) {
  return [
    resolve({ browser: true }),
    typescript({
      tsconfig: tracker('tsconfig.json'),
      // Declarations go next to the ESM files (dist/index.d.ts, dist/plugins/spa.d.ts…).
      compilerOptions: declarations
        ? { declaration: true, declarationDir: tracker('dist'), outDir: tracker('dist') }
        : { declaration: false, declarationDir: undefined, outDir: undefined },
      outputToFilesystem: true,
    }),
    terser({ ...terserOptions, module }),
  ]
}

export default [
  {
    input: {
      index: tracker('src/index.ts'),
      spa: tracker('src/plugins/spa.ts'),
      vitals: tracker('src/plugins/vitals.ts'),
    },
    external: ['idb-keyval', 'web-vitals'],
    output: { dir: tracker('dist'), format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    plugins: trackerPlugins({ declarations: true }),
  },
  {
    input: tracker('src/browser.ts'),
    output: { file: tracker('dist/sillage.js'), format: 'iife' },
    plugins: trackerPlugins({ module: false }),
  },
]
