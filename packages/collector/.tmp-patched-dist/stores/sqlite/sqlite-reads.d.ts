import type { Database } from 'better-sqlite3';
import type { ContactDetail, EventPage } from '@sillage/protocol';
import type { ContactLookup, EventQuery } from '../store.js';
/**
 * The read side of the SQLite store, on its own connection: in WAL mode it reads the
 * last committed state while the writer works, so readers never see half an ingest.
 */
export declare class SqliteReads {
    private readonly db;
    private readonly eventQueries;
    private readonly sql;
    constructor(db: Database);
    /** The id a contact has today: itself, or the survivor it was merged into. */
    resolveContactId(id: string): string;
    listEvents(query: EventQuery): EventPage;
    getContact(id: string): ContactDetail | null;
    findContacts(lookup: ContactLookup): ContactDetail[];
    /** One prepared statement per combination of filters, prepared on first use. */
    private eventQuery;
}
//# sourceMappingURL=sqlite-reads.d.ts.map