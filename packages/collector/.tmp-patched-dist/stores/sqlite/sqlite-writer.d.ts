import type { Database } from 'better-sqlite3';
/**
 * The only path to the writer connection. better-sqlite3 is synchronous and one
 * connection holds one transaction, so jobs (async identity pipelines) run strictly one
 * after another — never interleaved. Jobs queued while a commit is under way share the
 * next transaction (group commit): one fsync for many requests. Each job runs inside its
 * own SAVEPOINT, so a failing job is undone alone and the others still commit. A job's
 * promise settles only after COMMIT returned: ack after commit.
 *
 * @example
 * const result = await writer.run(() => ingestEvents(tx, events))
 */
export declare class SqliteWriter {
    private readonly db;
    private readonly toStoreError;
    private readonly queue;
    private draining;
    private readonly sql;
    constructor(db: Database, toStoreError: (error: unknown) => unknown);
    run<T>(work: () => Promise<T>): Promise<T>;
    /** Resolves once every job queued so far has settled. */
    idle(): Promise<void>;
    private drain;
    private commitGroup;
    private runInSavepoint;
}
//# sourceMappingURL=sqlite-writer.d.ts.map