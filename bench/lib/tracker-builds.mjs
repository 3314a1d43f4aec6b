import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './collector-process.mjs'

/**
 * Absolute path of a file inside an installed package (bench devDependencies included),
 * found on disk: several peers' `exports` maps hide their package.json from require.resolve.
 */
export function packageFile(name, file) {
  for (const modules of [`${repoRoot}bench/node_modules`, `${repoRoot}node_modules`]) {
    const dir = join(modules, name)
    if (existsSync(join(dir, 'package.json'))) return join(dir, file)
  }
  throw new Error(`${name} is not installed: npm run bench installs it (or npm install --prefix bench --no-save)`)
}

export const sillageIife = `${repoRoot}packages/tracker/dist/sillage.js`
export const sillageEsm = `${repoRoot}packages/tracker/dist/index.mjs`

/**
 * The peers' published builds, each the file a site actually loads to get the core
 * tracker (the CDN/standalone bundle where the package ships one). `browserFile` is what
 * the main-thread benchmark loads when it differs (it must send events without a CDN).
 */
export const peers = [
  {
    name: '@segment/analytics-next',
    package: '@segment/analytics-next',
    file: 'dist/umd/standalone.js',
    browserFile: 'dist/umd/index.js',
    why: 'the analytics.js CDN build the Segment snippet loads (destinations and middleware are further lazy chunks, not counted)',
  },
  {
    name: '@rudderstack/analytics-js',
    package: '@rudderstack/analytics-js',
    file: 'dist/npm/modern/umd/index.js',
    browserFile: 'dist/npm/modern/bundled/umd/index.js',
    minify: true,
    why: 'the modern UMD core (plugins are lazy-loaded from the CDN); published unminified, so minified here with terser to match the CDN rsa.min.js',
  },
  {
    name: 'posthog-js',
    package: 'posthog-js',
    file: 'dist/array.js',
    why: 'the array.js CDN build the PostHog snippet loads (recorder, surveys, toolbar are lazy extensions, not counted)',
  },
  {
    name: '@snowplow/browser-tracker',
    package: '@snowplow/browser-tracker',
    file: 'dist/index.umd.min.js',
    why: 'the minified standalone UMD of the core browser tracker (the sp.js CDN build adds plugins)',
  },
  {
    name: '@plausible-analytics/tracker',
    package: '@plausible-analytics/tracker',
    file: 'plausible.js',
    why: 'the official npm module, the same code as the script build (plausible-tracker on npm is the older, unmaintained wrapper)',
  },
]
