/**
 * `npm run bench`: every benchmark in one run, printed as markdown tables and written to
 * bench/results/latest.md (and latest.json, git-ignored). See bench/README.md.
 *
 * Knobs (env): BENCH_ONLY=ingest,concurrency,growth,size,browser,profile,retention BENCH_DURATION_S=5  BENCH_WARMUP_S=1.5
 * BENCH_CONNECTIONS=16  BENCH_BATCH_SIZES=1,20,100  BENCH_STORES=memory,sqlite,sqlite-normal,postgres
 * BENCH_GROWTH_SIZES=0,1000000,5000000  BENCH_GROWTH_DURATION_S=5  BENCH_GROWTH_SEED_BUDGET_S=150
 * BENCH_CONCURRENCY=16,64  BENCH_CONCURRENCY_ROUNDS=2  BENCH_CONCURRENCY_STORES=sqlite
 * BENCH_TRACK_CALLS=10000  BENCH_AUTOMATION_STORES=sqlite,postgres  BENCH_AUTOMATION_EVENTS_PER_S=500
 * BENCH_AUTOMATION_COUNT=10  BENCH_AUTOMATION_LATENCY_S=20  BENCH_AUTOMATION_DELIVERIES=20000
 * BENCH_AUTOMATION_TIMERS=1000000  BENCH_AUTOMATION_DUE_TIMERS=20000  BENCH_AUTOMATION_IDLE_S=30
 * `node bench/run.mjs automations` (suite names as arguments) runs those suites alone.
 * Console (not in the default list: `node bench/run.mjs console`):
 * SILLAGE_BENCH_EVENTS=5000000  SILLAGE_BENCH_CONTACTS=1000000  SILLAGE_BENCH_EXPORT_EVENTS=1000000
 * SILLAGE_BENCH_PAGE_S=5  SILLAGE_BENCH_SEED_BUDGET_S=900
 * BENCH_RETENTION_EVENTS=1000000  BENCH_RETENTION_DURATION_S=10  BENCH_RETENTION_STORES=sqlite,postgres
 * SILLAGE_BENCH_CONTACTS=100000 for segments (1000000 for console)  BENCH_SEGMENTS_STORES=sqlite,postgres
 * Not in the default set (seeding 5 M events takes minutes): console, segments.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { ensurePeerTrackers } from './lib/install-peers.mjs'
import { automationsSuite } from './suites/automations.mjs'
import { browserSuite } from './suites/browser.mjs'
import { concurrencySuite } from './suites/concurrency.mjs'
import { consoleSuite } from './suites/console.mjs'
import { growthSuite } from './suites/growth.mjs'
import { ingestSuite } from './suites/ingest.mjs'
import { profileSuite } from './suites/profile.mjs'
import { retentionSuite } from './suites/retention.mjs'
import { segmentsSuite } from './suites/segments.mjs'
import { sizeSuite } from './suites/size.mjs'

const env = process.env
const list = (value, fallback) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
const numbers = (value, fallback) => list(value, fallback).map(Number)

const config = {
  only: new Set(
    process.argv.length > 2
      ? process.argv.slice(2)
      : list(env.BENCH_ONLY, 'ingest,concurrency,growth,size,browser,profile,automations,retention'),
  ),
  durationS: Number(env.BENCH_DURATION_S ?? 5),
  warmupS: Number(env.BENCH_WARMUP_S ?? 1.5),
  connections: Number(env.BENCH_CONNECTIONS ?? 16),
  batchSizes: numbers(env.BENCH_BATCH_SIZES, '1,20,100'),
  stores: list(env.BENCH_STORES, 'memory,sqlite,sqlite-normal,postgres'),
  concurrencyLevels: numbers(env.BENCH_CONCURRENCY, '16,64'),
  concurrencyRounds: Number(env.BENCH_CONCURRENCY_ROUNDS ?? 2),
  concurrencyStores: list(env.BENCH_CONCURRENCY_STORES, 'sqlite'),
  growthSizes: numbers(env.BENCH_GROWTH_SIZES, '0,1000000,5000000'),
  growthDurationS: Number(env.BENCH_GROWTH_DURATION_S ?? 5),
  growthSeedBudgetS: Number(env.BENCH_GROWTH_SEED_BUDGET_S ?? 150),
  trackCalls: Number(env.BENCH_TRACK_CALLS ?? 10_000),
  automations: {
    stores: list(env.BENCH_AUTOMATION_STORES, 'sqlite,postgres'),
    eventsPerS: Number(env.BENCH_AUTOMATION_EVENTS_PER_S ?? 500),
    automations: Number(env.BENCH_AUTOMATION_COUNT ?? 10),
    latencyS: Number(env.BENCH_AUTOMATION_LATENCY_S ?? 20),
    deliveries: Number(env.BENCH_AUTOMATION_DELIVERIES ?? 20_000),
    timers: Number(env.BENCH_AUTOMATION_TIMERS ?? 1_000_000),
    dueTimers: Number(env.BENCH_AUTOMATION_DUE_TIMERS ?? 20_000),
    idleS: Number(env.BENCH_AUTOMATION_IDLE_S ?? 30),
    cpuProfileDir: env.BENCH_AUTOMATION_CPU_PROF,
  },
  console: {
    events: Number(env.SILLAGE_BENCH_EVENTS ?? 5_000_000),
    contacts: Number(env.SILLAGE_BENCH_CONTACTS ?? 1_000_000),
    exportEvents: Number(env.SILLAGE_BENCH_EXPORT_EVENTS ?? 1_000_000),
    durationS: Number(env.SILLAGE_BENCH_PAGE_S ?? 5),
    seedBudgetS: Number(env.SILLAGE_BENCH_SEED_BUDGET_S ?? 900),
  },
  retentionEvents: Number(env.BENCH_RETENTION_EVENTS ?? 1_000_000),
  retentionDurationS: Number(env.BENCH_RETENTION_DURATION_S ?? 10),
  retentionStores: list(env.BENCH_RETENTION_STORES, 'sqlite,postgres'),
  segmentEvents: Number(env.SILLAGE_BENCH_EVENTS ?? 5_000_000),
  segmentContacts: Number(env.SILLAGE_BENCH_CONTACTS ?? 100_000),
  segmentStores: list(env.BENCH_SEGMENTS_STORES, 'sqlite,postgres'),
}

const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
const log = (line) => process.stderr.write(`[bench ${elapsed()}] ${line}\n`)

const suites = [
  ['ingest', () => ingestSuite({ ...config, log })],
  [
    'concurrency',
    () =>
      concurrencySuite({
        durationS: config.durationS,
        warmupS: config.warmupS,
        levels: config.concurrencyLevels,
        rounds: config.concurrencyRounds,
        stores: config.concurrencyStores,
        log,
      }),
  ],
  [
    'growth',
    () =>
      growthSuite({
        sizes: config.growthSizes,
        durationS: config.growthDurationS,
        warmupS: config.warmupS,
        connections: config.connections,
        seedBudgetS: config.growthSeedBudgetS,
        log,
      }),
  ],
  ['console', () => consoleSuite({ ...config.console, log })],
  ['size', () => sizeSuite({ log })],
  ['browser', () => browserSuite({ calls: config.trackCalls, log })],
  ['profile', () => profileSuite({ ...config, log })],
  ['automations', () => automationsSuite({ ...config.automations, log })],
  [
    'retention',
    () =>
      retentionSuite({
        stores: config.retentionStores,
        events: config.retentionEvents,
        durationS: config.retentionDurationS,
        warmupS: config.warmupS,
        connections: config.connections,
        log,
      }),
  ],
  [
    'segments',
    () =>
      segmentsSuite({
        stores: config.segmentStores,
        events: config.segmentEvents,
        contacts: config.segmentContacts,
        durationS: config.durationS,
        warmupS: config.warmupS,
        connections: config.connections,
        log,
      }),
  ],
]

if (config.only.has('size') || config.only.has('browser')) ensurePeerTrackers({ log })

const sections = []
const data = {}
let failed = false
for (const [name, run] of suites) {
  if (!config.only.has(name)) continue
  try {
    const result = await run()
    sections.push(result.markdown)
    data[name] = result.data
  } catch (error) {
    failed = true
    log(`${name} failed: ${error.stack ?? error}`)
    sections.push(`## ${name}\n\nfailed: ${String(error.message ?? error).split('\n')[0]}\n`)
  }
}

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')
const header =
  `# Sillage benchmarks\n\n` +
  `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
  `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at the end ${load}; ` +
  `took ${elapsed()}. Shared machine: compare ratios within this run, not absolutes across runs.\n`
const markdown = [header, ...sections].join('\n')

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(resultsDir, { recursive: true })
writeFileSync(`${resultsDir}latest.md`, markdown)
writeFileSync(
  `${resultsDir}latest.json`,
  JSON.stringify({ config: { ...config, only: [...config.only] }, data }, null, 2),
)
process.stdout.write(`${markdown}\n`)
log(`wrote bench/results/latest.md`)
process.exitCode = failed ? 1 : 0
