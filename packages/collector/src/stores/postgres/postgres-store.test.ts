import { afterAll, describe } from 'vitest'
import { createStore } from '../create-store.js'
import { describeStoreContract } from '../store-contract.test-suite.js'
import type { Store } from '../store.js'
import { dropTestSchemas, ensureReachable, freshSchemaUrl } from './postgres-test-server.test-suite.js'

const urls = new WeakMap<Store, string>()

async function opened(url: string): Promise<Store> {
  await ensureReachable()
  const store = createStore(url)
  urls.set(store, url)
  await store.open()
  return store
}

describe('postgres store', () => {
  afterAll(dropTestSchemas)
  describeStoreContract({
    openStore: () => opened(freshSchemaUrl()),
    reopenStore: (closed) => opened(urls.get(closed)!),
  })
})
