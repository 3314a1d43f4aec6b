import type { ContactDetail, EventPage } from '@sillage/protocol';
import { type ContactLookup, type EventQuery, type IngestResult, type NormalisedEvent, type Store } from '../store.js';
import type { PostgresStoreOptions } from './parse-postgres-url.js';
/**
 * The store for several collectors on one PostgreSQL: each batch is one transaction;
 * identity races between collectors are settled by row locks, UNIQUE constraints and
 * retries (see `PostgresTransaction`). An unreachable server surfaces as
 * `StoreUnavailableError`; the driver reconnects by itself once the server is back.
 *
 * @example
 * const store = new PostgresStore(parsePostgresUrl('postgres://sillage@db:5432/events?max=20'))
 * await store.open()
 */
export declare class PostgresStore implements Store {
    private readonly options;
    readonly description: string;
    private sql;
    private reads;
    constructor(options: PostgresStoreOptions);
    open(): Promise<void>;
    close(): Promise<void>;
    isHealthy(): Promise<boolean>;
    ingest(events: readonly NormalisedEvent[]): Promise<IngestResult>;
    listEvents(query: EventQuery): Promise<EventPage>;
    findContacts(lookup: ContactLookup): Promise<ContactDetail[]>;
    getContact(id: string): Promise<ContactDetail | null>;
    deleteContact(id: string): Promise<boolean>;
    /** Runs `work` in one transaction, again when it lost a race with another transaction. */
    private transaction;
    private read;
    private connected;
}
//# sourceMappingURL=postgres-store.d.ts.map