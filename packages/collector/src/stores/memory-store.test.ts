import { describe } from 'vitest'
import { createStore } from './create-store.js'
import { describeStoreContract } from './store-contract.test-suite.js'

describe('memory: store (SQLite on a temporary file)', () => {
  describeStoreContract({
    async openStore() {
      const store = createStore('memory:')
      await store.open()
      return store
    },
  })
})
