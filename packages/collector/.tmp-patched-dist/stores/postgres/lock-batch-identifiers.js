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
export async function lockBatchIdentifiers(sql, events) {
    const identifiers = new Set();
    for (const event of events) {
        for (const value of [event.anonymousId, event.userId, event.email, event.previousId])
            if (value !== null)
                identifiers.add(value);
    }
    if (identifiers.size === 0)
        return;
    await sql `
    SELECT pg_advisory_xact_lock(key)
    FROM (SELECT DISTINCT hashtextextended(value, 0) AS key FROM unnest(${[...identifiers]}::text[]) AS value ORDER BY key) AS keys`;
}
//# sourceMappingURL=lock-batch-identifiers.js.map