/**
 * A worker's compiled script beside this file. Under the tests, which run the TypeScript
 * sources, it is taken from `dist/` — kept current by the collector tests' global setup,
 * which builds the package first (a worker thread cannot load TypeScript).
 *
 * @example
 * new Worker(workerScript('sqlite-checkpoint-worker.js'), { execArgv: workerExecArgv() })
 */
export function workerScript(fileName: string): URL {
  const here = new URL(import.meta.url)
  if (!here.pathname.endsWith('.ts')) return new URL(`./${fileName}`, here)
  return new URL(here.href.replace(/\/src\/(.*)\/[^/]+\.ts$/, `/dist/$1/${fileName}`))
}

/**
 * A thread inherits the process's Node flags (`--cpu-prof`, `--max-old-space-size`…)
 * when none are given — an explicit list may not hold V8 flags. One inherited flag stops
 * a worker started from a file: `--input-type` (a script run with `node
 * --input-type=module -e`); then the thread starts without flags.
 */
export function workerExecArgv(): string[] | undefined {
  return process.execArgv.some((flag) => flag.startsWith('--input-type')) ? [] : undefined
}
