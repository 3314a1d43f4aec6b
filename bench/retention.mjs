/**
 * The retention suite on its own (see bench/suites/retention.mjs and bench/README.md):
 * needs `npm run build` first. About 1 minute per store at 1 M events, plus seeding.
 *
 * Usage: node bench/retention.mjs [events=1000000] [loadSeconds=10] [stores=sqlite,postgres]
 */
import { retentionSuite } from './suites/retention.mjs'

const [events = '1000000', durationS = '10', stores = 'sqlite,postgres'] = process.argv.slice(2)
const started = Date.now()
const log = (line) => process.stderr.write(`[retention ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`)

const result = await retentionSuite({
  stores: stores.split(',').map((store) => store.trim()),
  events: Number(events),
  durationS: Number(durationS),
  warmupS: 1.5,
  connections: 16,
  log,
})
process.stdout.write(`${result.markdown}\n`)
