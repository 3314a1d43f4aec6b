import { describe } from 'vitest'
import { createStore } from '../create-store.js'
import { describeStoreContract } from '../store-contract.test-suite.js'

describe('memory store', () => {
  describeStoreContract({
    async openStore() {
      const store = createStore('memory:')
      await store.open()
      return store
    },
  })
})
