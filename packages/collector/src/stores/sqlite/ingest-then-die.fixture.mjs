// Child process of sqlite-kill.test.ts: fires concurrent ingests at a SQLite store and
// SIGKILLs itself the moment the 10th one is acknowledged — no close, no checkpoint,
// no flush. Loads the TypeScript sources through Vite, like the tests do.
import { writeSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const [storeUrl] = process.argv.slice(2)
const source = (path) => fileURLToPath(new URL(path, import.meta.url))
const vite = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  resolve: { alias: [{ find: /^@sillage\/protocol$/, replacement: source('../../../../protocol/src/index.ts') }] },
})
const { createStore } = await vite.ssrLoadModule(source('../create-store.ts'))
const { ingestEvents } = await vite.ssrLoadModule(source('../../ingest/ingest-events.ts'))
const store = createStore(storeUrl)
await store.open()

const at = new Date().toISOString()
const event = (batch, index) => ({
  source: 'wk_kill',
  messageId: `b${batch}-e${index}`,
  type: 'track',
  name: 'clicked',
  anonymousId: `device-${batch}`,
  userId: index === 19 ? `user-${batch}` : null,
  email: null,
  previousId: null,
  properties: { index },
  propertiesJson: JSON.stringify({ index }),
  traits: {},
  context: {},
  contextJson: '{}',
  timestamp: at,
  originalTimestamp: at,
  sentAt: null,
  receivedAt: at,
  identity: index === 19 ? 'identified' : 'anonymous',
})
const acked = []
for (let batch = 0; batch < 30; batch += 1) {
  ingestEvents(
    store,
    Array.from({ length: 20 }, (_, index) => event(batch, index)),
  ).then(() => {
    acked.push(batch)
    if (acked.length === 10) {
      // Synchronously, inside the acknowledgement: nothing else gets a chance to run.
      writeSync(1, `${JSON.stringify(acked)}\n`)
      process.kill(process.pid, 'SIGKILL')
    }
  })
}
