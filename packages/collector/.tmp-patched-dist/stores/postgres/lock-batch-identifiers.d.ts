import type { TransactionSql } from 'postgres';
import type { NormalisedEvent } from '../store.js';
/**
 * Takes a transaction-level advisory lock on every identifier the batch mentions, all at
 * once and in one global order (by hash). Two batches about the same people then run one
 * after the other instead of locking contact rows in opposite orders, deadlocking, and
 * waiting out PostgreSQL's deadlock timeout (1 s) before a retry. Row locks and UNIQUE
 * constraints still guarantee correctness; this only keeps contention cheap.
 *
 * @example
 * await sql.begin(async (tx) => { await lockBatchIdentifiers(tx, events); return ingestEvents(...) })
 */
export declare function lockBatchIdentifiers(sql: TransactionSql, events: readonly NormalisedEvent[]): Promise<void>;
//# sourceMappingURL=lock-batch-identifiers.d.ts.map