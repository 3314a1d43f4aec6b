import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Tests run against the TypeScript sources, not dist/: no build needed for unit tests.
const alias = [
  { find: /^@sillage\/protocol$/, replacement: source('./packages/protocol/src/index.ts') },
  { find: /^@sillage\/protocol\/types$/, replacement: source('./packages/protocol/src/types.ts') },
  { find: /^@sillage\/protocol\/limits$/, replacement: source('./packages/protocol/src/limits.ts') },
  { find: /^@sillage\/tracker$/, replacement: source('./packages/tracker/src/index.ts') },
  { find: /^@sillage\/tracker\/(spa|vitals)$/, replacement: source('./packages/tracker/src/plugins/$1.ts') },
  { find: /^@sillage\/collector$/, replacement: source('./packages/collector/src/index.ts') },
]

// The tracker's page: <script src> tags in tests are never fetched.
const trackerDom = {
  happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'protocol',
          root: source('./packages/protocol'),
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'collector',
          root: source('./packages/collector'),
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          // Builds the package: the SQLite writer thread runs its compiled code (see the file);
          // a temporary directory for the run, removed at its end.
          globalSetup: ['./test/global-setup.ts', './test/test-run-directory.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'tracker',
          root: source('./packages/tracker'),
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'happy-dom',
          environmentOptions: trackerDom,
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        // The same behaviour tests against the minified dist/sillage.js (`npm test` builds it first).
        resolve: { alias },
        test: {
          name: 'tracker-iife',
          root: source('./packages/tracker'),
          include: ['test/**/*.test.ts'],
          exclude: ['test/size.test.ts'],
          environment: 'happy-dom',
          environmentOptions: trackerDom,
          setupFiles: ['test/setup.ts'],
          env: { SILLAGE_TEST_BUNDLE: 'iife' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root: source('./e2e'),
          include: ['**/*.test.ts'],
          environment: 'node',
          // Checks Chromium and the builds exist (with the fix in the message), bundles examples/spa.
          globalSetup: ['./global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
