// Runs a worker thread's TypeScript entry from the sources (tests, fixtures): registers
// the transpiling loader of `typescript-hooks.mjs` in this thread, then imports the entry
// named in `workerData.entry`. Built code never comes here: it starts its `.js` worker.
import { register } from 'node:module'
import { workerData } from 'node:worker_threads'

register(new URL('./typescript-hooks.mjs', import.meta.url))
await import(workerData.entry)
