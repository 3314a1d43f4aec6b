// `npm start`: runs the built collector on the embedded SQLite store (its default),
// passing any extra arguments through: `npm start -- --port 9000`, and serves the
// script-tag example shop against it.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serveExample } from '../examples/serve.mjs'

const cli = fileURLToPath(new URL('../packages/collector/dist/cli.js', import.meta.url))
const shop = fileURLToPath(new URL('../examples/script-tag', import.meta.url))
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first (npm start does it for you).`)
  process.exit(2)
}

const collector = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'] })

// The collector prints the script tag to paste; once it has, serve the example shop with
// that very tag (its URL and write key, whatever flags or env chose them).
let output = ''
collector.stdout.on('data', async (chunk) => {
  process.stdout.write(chunk)
  if (output === null) return
  output += chunk
  const tag = output.match(/src="(https?:\/\/[^"]+)\/sillage\.js" data-write-key="([^"]+)"/)
  if (!tag) return
  output = null
  const [, collectorUrl, writeKey] = tag
  const site = await serveExample({ root: shop, collector: collectorUrl, writeKey, port: 8080 }).catch(
    () => serveExample({ root: shop, collector: collectorUrl, writeKey }), // 8080 taken: any free port
  )
  console.log(
    `\nExample shop: ${site.url}  (click around, then: curl -H "Authorization: Bearer <secret key>" ${collectorUrl}/v1/events)\n`,
  )
})

// Relay stop signals; the collector finishes requests in flight and ignores repeats
// (Ctrl-C reaches it directly too).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => collector.kill(signal))
}
collector.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
