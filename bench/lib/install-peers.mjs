import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './collector-process.mjs'

const benchDir = join(repoRoot, 'bench')

/**
 * Installs the peer trackers the size and browser suites measure (bench/package.json's
 * devDependencies) into bench/node_modules when any is missing. They are kept out of the
 * project's own `npm ci`: tens of megabytes nobody needs to build, test or run Sillage.
 *
 * @example
 * ensurePeerTrackers({ log: console.error })
 */
export function ensurePeerTrackers({ log }) {
  const wanted = Object.keys(JSON.parse(readFileSync(join(benchDir, 'package.json'), 'utf8')).devDependencies ?? {})
  const missing = wanted.filter((name) => !existsSync(join(benchDir, 'node_modules', name, 'package.json')))
  if (missing.length === 0) return
  log(`installing the peer trackers to measure into bench/node_modules (${missing.join(', ')})`)
  // --ignore-scripts: only their published files are measured, nothing of theirs needs to run here.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const flags = ['--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund']
  execFileSync(npm, ['install', '--prefix', benchDir, ...flags], { stdio: ['ignore', 'inherit', 'inherit'] })
}
