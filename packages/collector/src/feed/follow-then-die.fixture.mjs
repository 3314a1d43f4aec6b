// Child process of feed-kill.test.ts: ingests batches while a consumer follows the feed
// (recording a segment.entered per stored event, in its own transaction), and SIGKILLs
// itself once 10 batches are acknowledged and the consumer is under way — no close, no flush. Loads the TypeScript
// sources through Vite, like the tests do.
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
  resolve: { alias: [{ find: /^@sillage\/protocol$/, replacement: source('../../../protocol/src/index.ts') }] },
})
const { createStore } = await vite.ssrLoadModule(source('../stores/create-store.ts'))
const { ingestEvents } = await vite.ssrLoadModule(source('../ingest/ingest-events.ts'))
const { FeedFollower } = await vite.ssrLoadModule(source('./feed-follower.ts'))
const { enteringConsumer } = await vite.ssrLoadModule(source('./entering-consumer.test-suite.ts'))
const store = createStore(storeUrl)
await store.open()
let handledBatches = 0
const consumer = {
  name: enteringConsumer.name,
  async handle(changes, tx) {
    await enteringConsumer.handle(changes, tx)
    handledBatches += 1 // counted before its commit: the kill may still undo this batch
  },
}
new FeedFollower({ source: store, consumer, batchSize: 7, pollMs: 5 }).start()

const at = new Date().toISOString()
const event = (batch, index) => ({
  source: 'wk_kill',
  messageId: `b${batch}-e${index}`,
  type: 'track',
  name: 'clicked',
  anonymousId: `device-${batch}`,
  userId: null,
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
  identity: 'anonymous',
})
const acked = []
const dieOnceUnderWay = () => {
  if (acked.length >= 10 && handledBatches >= 3) {
    writeSync(1, `${JSON.stringify(acked)}\n`)
    process.kill(process.pid, 'SIGKILL')
  }
}
for (let batch = 0; batch < 200; batch += 1) {
  ingestEvents(
    store,
    Array.from({ length: 5 }, (_, index) => event(batch, index)),
  ).then(() => {
    acked.push(batch)
    dieOnceUnderWay()
  })
  // Spread over time, so the consumer is mid-way when the kill comes.
  await new Promise((resolve) => setTimeout(resolve, 3))
}
// On a loaded machine the consumer may not have handled three batches by the last write: wait for it.
for (;;) {
  dieOnceUnderWay()
  await new Promise((resolve) => setTimeout(resolve, 10))
}
