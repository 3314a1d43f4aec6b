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
export class SqliteWriter {
    db;
    toStoreError;
    queue = [];
    draining = null;
    sql;
    constructor(db, toStoreError) {
        this.db = db;
        this.toStoreError = toStoreError;
        this.sql = {
            begin: db.prepare('BEGIN IMMEDIATE'),
            commit: db.prepare('COMMIT'),
            rollback: db.prepare('ROLLBACK'),
            savepoint: db.prepare('SAVEPOINT job'),
            release: db.prepare('RELEASE job'),
            rollbackToSavepoint: db.prepare('ROLLBACK TO job'),
        };
    }
    run(work) {
        return new Promise((resolve, reject) => {
            this.queue.push({ work, resolve: resolve, reject });
            this.draining ??= this.drain();
        });
    }
    /** Resolves once every job queued so far has settled. */
    async idle() {
        while (this.draining !== null)
            await this.draining;
    }
    async drain() {
        // One turn of the event loop lets requests that arrived together join this commit.
        await new Promise((resolve) => setImmediate(resolve));
        while (this.queue.length > 0)
            await this.commitGroup(this.queue.splice(0));
        this.draining = null;
    }
    async commitGroup(group) {
        const outcomes = [];
        try {
            this.sql.begin.run();
            for (const job of group)
                outcomes.push(await this.runInSavepoint(job));
            this.sql.commit.run();
        }
        catch (error) {
            if (this.db.inTransaction)
                this.sql.rollback.run();
            const refusal = this.toStoreError(error);
            for (const job of group)
                job.reject(refusal);
            return;
        }
        for (const settle of outcomes)
            settle();
    }
    async runInSavepoint(job) {
        this.sql.savepoint.run();
        try {
            const value = await job.work();
            this.sql.release.run();
            return () => job.resolve(value);
        }
        catch (error) {
            this.sql.rollbackToSavepoint.run();
            this.sql.release.run();
            return () => job.reject(this.toStoreError(error));
        }
    }
}
//# sourceMappingURL=sqlite-writer.js.map