// Builds @sillage/tracker: tree-shakable ESM (+ .d.ts) for bundlers, and the minified
// IIFE `sillage.js` that the collector serves for the script tag. Also the collector's
// console assets (its script and stylesheet).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const tracker = (path) => fileURLToPath(new URL(`./packages/tracker/${path}`, import.meta.url))
const collector = (path) => fileURLToPath(new URL(`./packages/collector/${path}`, import.meta.url))

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

/**
 * Emits the console's stylesheet next to its script, comments and indentation removed
 * (no CSS toolchain: the file is small and hand-written).
 */
function consoleStylesheet() {
  const source = collector('src/console/assets/console.css')
  return {
    name: 'console-stylesheet',
    buildStart() {
      this.addWatchFile(source)
    },
    generateBundle() {
      const css = readFileSync(source, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s*\n\s*/g, '\n')
        .trim()
      this.emitFile({ type: 'asset', fileName: 'console.css', source: css + '\n' })
    },
  }
}

/** The console's script (an IIFE loaded with `defer`) and stylesheet; shared with their size test. */
export function consolePlugins() {
  return [
    resolve({ browser: true }),
    typescript({
      tsconfig: collector('src/console/assets/client/tsconfig.json'),
      compilerOptions: { noEmit: false, declaration: false, declarationDir: undefined, outDir: undefined },
      outputToFilesystem: true,
    }),
    terser({ ...terserOptions, module: false }),
    consoleStylesheet(),
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
  {
    input: collector('src/console/assets/client/console-client.ts'),
    output: { dir: collector('dist/console-assets'), format: 'iife', entryFileNames: 'console.js' },
    plugins: consolePlugins(),
  },
]
