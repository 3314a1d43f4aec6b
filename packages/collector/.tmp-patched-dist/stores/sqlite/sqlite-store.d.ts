import type { ContactDetail, EventPage } from '@sillage/protocol';
import { type ContactLookup, type EventQuery, type IngestResult, type NormalisedEvent, type Store } from '../store.js';
export interface SqliteStoreOptions {
    /** The database file; its directory is created on first start. */
    path: string;
    /**
     * `full` (default): each commit is fsynced before `ingest` resolves, so an acknowledged
     * event survives a power cut, not only a killed process. `normal` skips that fsync
     * (WAL still survives a process crash) for hosts that trust their power more than
     * their disk latency.
     */
    synchronous?: 'full' | 'normal';
}
/**
 * The default store: one SQLite file in WAL mode, a writer connection behind a
 * group-commit queue and a reader connection that sees only committed data.
 *
 * @example
 * const store = new SqliteStore({ path: './data/sillage.db' })
 * await store.open()
 */
export declare class SqliteStore implements Store {
    private readonly options;
    readonly description: string;
    private connections;
    constructor(options: SqliteStoreOptions);
    open(): Promise<void>;
    close(): Promise<void>;
    isHealthy(): Promise<boolean>;
    ingest(events: readonly NormalisedEvent[]): Promise<IngestResult>;
    listEvents(query: EventQuery): Promise<EventPage>;
    findContacts(lookup: ContactLookup): Promise<ContactDetail[]>;
    getContact(id: string): Promise<ContactDetail | null>;
    deleteContact(id: string): Promise<boolean>;
    private read;
    private connected;
}
//# sourceMappingURL=sqlite-store.d.ts.map