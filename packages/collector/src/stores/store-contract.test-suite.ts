import { describeAutomationRecordsContract } from './contract/automation-records-contract.test-suite.js'
import { describeChangeFeedContract } from './contract/change-feed-contract.test-suite.js'
import { describeFeedConsumerContract } from './contract/feed-consumer-contract.test-suite.js'
import { describeContactContract } from './contract/contact-contract.test-suite.js'
import { describeContactListContract } from './contract/contact-list-contract.test-suite.js'
import { describeDurabilityContract } from './contract/durability-contract.test-suite.js'
import { describeIdentityContract } from './contract/identity-contract.test-suite.js'
import { describeIngestContract } from './contract/ingest-contract.test-suite.js'
import { describePrivacyContract } from './contract/privacy-contract.test-suite.js'
import { describeLastChangeCursorContract } from './contract/last-change-cursor-contract.test-suite.js'
import { describeLatestChangeCursorContract } from './contract/latest-change-cursor-contract.test-suite.js'
import { describeReadContactsContract } from './contract/read-contacts-contract.test-suite.js'
import { describeRecordBatchesContract } from './contract/record-batches-contract.test-suite.js'
import { describeQueryContract } from './contract/query-contract.test-suite.js'
import { describeRecentContactChangesContract } from './contract/recent-contact-changes-contract.test-suite.js'
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
  describeFeedConsumerContract(harness)
  describePrivacyContract(harness)
  describeLatestChangeCursorContract(harness)
  describeLastChangeCursorContract(harness)
  describeContactListContract(harness)
  describeRecentContactChangesContract(harness)
  describeAutomationRecordsContract(harness)
  describeRecordBatchesContract(harness)
  describeReadContactsContract(harness)
  describeSegmentStoreContract(harness)
  describeSegmentContract(harness)
}
