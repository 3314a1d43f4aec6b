import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe } from 'vitest'
import { createStore } from '../create-store.js'
import { describeStoreContract } from '../store-contract.test-suite.js'
import type { Store } from '../store.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-sqlite-'))
let files = 0

async function opened(store: Store): Promise<Store> {
  await store.open()
  return store
}

describe('sqlite store', () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }))
  describeStoreContract({
    // A directory that does not exist yet: the store must create it on first start.
    openStore: () => opened(createStore(`sqlite:${join(directory, `run-${++files}`, 'sillage.db')}`)),
    reopenStore: (closed) => opened(createStore(closed.description)),
  })
})
