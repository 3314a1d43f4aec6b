import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBatchBody } from '../lib/batch-body.mjs'
import { startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { summariseCpuProfile } from '../lib/cpu-profile-summary.mjs'
import { runLoad } from '../lib/load.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'

const BATCH = 20

/**
 * Where the SQLite collector spends its CPU under batch-20 load: the collector runs with
 * `node --cpu-prof`, and the profile is summarised by package and by function (self time).
 */
export async function profileSuite({ durationS, warmupS, connections, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-profile-'))
  try {
    log('profile: SQLite collector under batch-20 load, --cpu-prof')
    const collector = await startCollector({
      store: `sqlite:${join(dir, 'bench.db')}`,
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    })
    let load
    try {
      const headers = { 'content-type': 'application/json', authorization: writeKeyAuth }
      const nextBody = createBatchBody({ batchSize: BATCH })
      await runLoad({
        url: `${collector.url}/v1/batch`,
        method: 'POST',
        headers,
        nextBody,
        durationS: warmupS,
        connections,
      })
      load = await runLoad({
        url: `${collector.url}/v1/batch`,
        method: 'POST',
        headers,
        nextBody,
        durationS,
        connections,
      })
    } finally {
      await collector.stop(15_000)
    }
    // One profile per thread: CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile, the event
    // loop being thread 0, the SQLite writer thread the next, and the checkpoint thread it
    // starts the last.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort((a, b) => threadId(a) - threadId(b))
    if (files.length === 0)
      return {
        markdown:
          '## 5. Where the SQLite collector spends its CPU\n\nn/a: the collector wrote no profile (does it exit cleanly on SIGTERM?)\n',
        data: null,
      }
    const rows = (list) => list.map((x) => [x.name, formatFixed(x.share * 100, 1), formatInt(x.ms)])
    const summary = files.map((file) => summariseCpuProfile(join(dir, file), { top: 12 }))
    const sections = summary.map((thread, i) => {
      const title = threadTitles[i] ?? `Thread ${i}`
      return (
        `### ${title}\n\n` +
        `${markdownTable(['package / area', 'self %', 'self ms'], rows(thread.byPackage), { align: ['l', 'r', 'r'] })}\n\n` +
        `${markdownTable(['function', 'self %', 'self ms'], rows(thread.byFunction), { align: ['l', 'r', 'r'] })}\n`
      )
    })
    const markdown =
      `## 5. Where the SQLite collector spends its CPU\n\n` +
      `\`node --cpu-prof\` on the collector during ${durationS} s of batch-${BATCH} load after warm-up ` +
      `(${formatInt(load.requestsPerS * BATCH)} events/s while profiled; the profile spans start-up to exit), one profile ` +
      `per thread. Self time; \`(idle)\` is a thread waiting for work.\n\n${sections.join('\n')}`
    return { markdown, data: summary }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const threadId = (file) => Number(file.split('.').at(-3))
const threadTitles = [
  'Event loop (HTTP, validation, normalisation)',
  'SQLite writer thread',
  'SQLite checkpoint thread',
]
