import type { IngestResult, NormalisedEvent } from '../stores/store.js';
import type { IdentityTransaction } from './identity-transaction.js';
/**
 * The ingestion pipeline every store runs inside its one transaction: de-duplicate,
 * resolve the contact, store the event, keep the event summary and the contact's
 * attributes. A duplicate changes nothing, not even identities.
 *
 * @example
 * // in a store's ingest()
 * return this.transaction((tx) => ingestEvents(tx, events))
 */
export declare function ingestEvents(tx: IdentityTransaction, events: readonly NormalisedEvent[]): Promise<IngestResult>;
//# sourceMappingURL=ingest-events.d.ts.map