// `npm start`: runs the built collector on the embedded SQLite store (its default),
// passing any extra arguments through: `npm start -- --port 9000`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../packages/collector/dist/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first (npm start does it for you).`)
  process.exit(2)
}

const collector = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' })

// Relay stop signals; the collector finishes requests in flight and ignores repeats
// (Ctrl-C reaches it directly too).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => collector.kill(signal))
}
collector.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
