import { describeChangeFeedContract } from './contract/change-feed-contract.test-suite.js'
import { describeContactContract } from './contract/contact-contract.test-suite.js'
import { describeDurabilityContract } from './contract/durability-contract.test-suite.js'
import { describeIdentityContract } from './contract/identity-contract.test-suite.js'
import { describeIngestContract } from './contract/ingest-contract.test-suite.js'
import { describeQueryContract } from './contract/query-contract.test-suite.js'
import { describeSegmentContract } from './contract/segment-contract.test-suite.js'
import { describeSegmentStoreContract } from './contract/segment-store-contract.test-suite.js'
import type { StoreHarness } from './contract/store-harness.test-suite.js'

export type { StoreHarness } from './contract/store-harness.test-suite.js'

/**
 * The one store contract: every store (SQLite, `memory:`, PostgreSQL) runs exactly these
 * tests, so the collector can treat them as interchangeable.
 *
 * @example
 * // sqlite-store.test.ts
 * describeStoreContract({ openStore: () => openTempSqliteStore(), reopenStore: (closed) => ... })
 */
export function describeStoreContract(harness: StoreHarness): void {
  describeIngestContract(harness)
  describeQueryContract(harness)
  describeIdentityContract(harness)
  describeContactContract(harness)
  describeDurabilityContract(harness)
  describeChangeFeedContract(harness)
  describeSegmentStoreContract(harness)
  describeSegmentContract(harness)
}
