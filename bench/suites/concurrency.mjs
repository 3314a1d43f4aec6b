import { formatFixed, formatInt, formatPercent, markdownTable } from '../lib/markdown-table.mjs'
import { bareTarget, formatDiskPerEvent, measureCell, storeTarget } from './ingest.mjs'

const BATCH_SIZE = 20

/**
 * Suite 1b — batch-20 ingest at more than one concurrency, the stores next to bare Hono.
 *
 * The ingest table's closed loop keeps at most 16 requests in flight, each client waiting
 * for its answer. Browsers do not wait for one another: a collector under real traffic has
 * as many requests in flight as arrive while it commits. Group commit shares one fsync and
 * one write of each hot page among the requests in flight, so a durable store's rate grows
 * with concurrency while the bare HTTP limit (one core parsing JSON) does not. Each level
 * runs `rounds` times, bare and stores in turns (order reversed every other round), and
 * shows the mean.
 */
export async function concurrencySuite({ durationS, warmupS, levels, rounds, stores, log }) {
  const targets = [bareTarget(), ...stores.map(storeTarget)]
  const rows = []
  for (const connections of levels) {
    const runs = new Map(targets.map((target) => [target.name, []]))
    for (let round = 0; round < rounds; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        log(`concurrency: ${target.name}, ${connections} connections, round ${round + 1}`)
        const cell = await measureCell({ target, batchSize: BATCH_SIZE, durationS, warmupS, connections })
        if (!cell.na) runs.get(target.name).push(cell)
      }
    }
    const bare = meanRate(runs.get(targets[0].name))
    for (const target of targets) {
      const cells = runs.get(target.name)
      if (cells.length === 0) {
        rows.push([target.name, connections, 'n/a', '', '', '', ''])
        continue
      }
      const rate = meanRate(cells)
      rows.push([
        target.name,
        connections,
        formatInt(rate),
        cells.map((c) => formatInt(c.eventsPerS)).join(' / '),
        formatFixed(mean(cells, 'p99Ms'), 0),
        formatDiskPerEvent(mean(cells, 'diskBytesPerEvent')),
        target === targets[0] ? '(limit)' : formatPercent(rate / bare),
      ])
    }
  }
  const table = markdownTable(
    ['target', 'connections', 'events/s', 'each round', 'p99 ms', 'disk KB/event', 'vs bare'],
    rows,
    {
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    },
  )
  const notes =
    `Batch ${BATCH_SIZE}, ${durationS} s per run after a ${warmupS} s warm-up, ${rounds} rounds per level with bare Hono ` +
    'and the stores in turns; "vs bare" compares the means of the same level. Levels: BENCH_CONCURRENCY; stores: BENCH_CONCURRENCY_STORES.'
  return {
    markdown: `## 1b. Collector ingest by concurrency (POST /v1/batch, batch ${BATCH_SIZE})\n\n${notes}\n\n${table}\n`,
    data: rows,
  }
}

const mean = (cells, key) => cells.reduce((sum, cell) => sum + cell[key], 0) / cells.length
const meanRate = (cells) => (cells.length === 0 ? NaN : mean(cells, 'eventsPerS'))
