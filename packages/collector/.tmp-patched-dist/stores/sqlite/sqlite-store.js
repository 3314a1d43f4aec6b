import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ingestEvents } from '../../identity/ingest-events.js';
import { StoreUnavailableError } from '../store.js';
import { deleteSqliteContact } from './delete-sqlite-contact.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { SqliteReads } from './sqlite-reads.js';
import { toSqliteStoreError } from './sqlite-store-error.js';
import { SqliteTransaction } from './sqlite-transaction.js';
import { prepareWriteStatements } from './sqlite-write-statements.js';
import { SqliteWriter } from './sqlite-writer.js';
/**
 * The default store: one SQLite file in WAL mode, a writer connection behind a
 * group-commit queue and a reader connection that sees only committed data.
 *
 * @example
 * const store = new SqliteStore({ path: './data/sillage.db' })
 * await store.open()
 */
export class SqliteStore {
    options;
    description;
    connections = null;
    constructor(options) {
        this.options = options;
        this.description = `sqlite:${options.path}${options.synchronous === 'normal' ? '?synchronous=normal' : ''}`;
    }
    async open() {
        if (this.connections !== null)
            return;
        const opened = [];
        try {
            mkdirSync(dirname(this.options.path), { recursive: true });
            const writer = new Database(this.options.path);
            opened.push(writer);
            writer.pragma('journal_mode = WAL');
            writer.pragma(`synchronous = ${this.options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
            // Another process (a second collector, a backup) may hold the lock for a moment.
            writer.pragma('busy_timeout = 5000');
            migrateSqlite(writer);
            const reader = new Database(this.options.path, { readonly: true });
            opened.push(reader);
            reader.pragma('busy_timeout = 5000');
            const writes = new SqliteWriter(writer, (error) => toSqliteStoreError(error, this.description));
            this.connections = { writer, reader, writes, reads: new SqliteReads(reader), tx: new SqliteTransaction(prepareWriteStatements(writer)) };
        }
        catch (error) {
            for (const db of opened)
                db.close();
            throw new StoreUnavailableError(`Cannot open ${this.description}: ${explainOpenFailure(error)}`, { cause: error });
        }
    }
    async close() {
        const connections = this.connections;
        if (connections === null)
            return;
        await connections.writes.idle();
        this.connections = null;
        connections.reader.close();
        connections.writer.close();
    }
    async isHealthy() {
        try {
            return this.connections?.reader.prepare('SELECT 1').get() !== undefined;
        }
        catch {
            return false;
        }
    }
    async ingest(events) {
        const { writes, tx } = this.connected();
        return writes.run(() => ingestEvents(tx, events));
    }
    async listEvents(query) {
        return this.read((reads) => reads.listEvents(query));
    }
    async findContacts(lookup) {
        return this.read((reads) => reads.findContacts(lookup));
    }
    async getContact(id) {
        return this.read((reads) => reads.getContact(id));
    }
    async deleteContact(id) {
        const { writes, writer } = this.connected();
        return writes.run(async () => deleteSqliteContact(writer, id));
    }
    read(query) {
        const { reads } = this.connected();
        try {
            return query(reads);
        }
        catch (error) {
            throw toSqliteStoreError(error, this.description);
        }
    }
    connected() {
        if (this.connections === null)
            throw new StoreUnavailableError(`${this.description} is not open: call open() first (or it was closed)`);
        return this.connections;
    }
}
function explainOpenFailure(error) {
    const reason = error instanceof Error ? error.message : String(error);
    const code = error?.code;
    const aboutAccess = typeof code === 'string' && /^(E[A-Z]+|SQLITE_(CANTOPEN|READONLY|PERM))/.test(code);
    return aboutAccess ? `${reason}. Check that the path is right and its directory writable.` : reason;
}
//# sourceMappingURL=sqlite-store.js.map