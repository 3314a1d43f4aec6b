import type { ContactDetail, EventPage } from '@sillage/protocol';
import type { Sql } from 'postgres';
import type { ContactLookup, EventQuery } from '../store.js';
/** The read side of the PostgreSQL store: plain queries on the pool, committed data only. */
export declare class PostgresReads {
    private readonly sql;
    constructor(sql: Sql);
    /** The id a contact has today: itself, or the survivor it was merged into. */
    resolveContactId(id: string): Promise<string>;
    listEvents(query: EventQuery): Promise<EventPage>;
    getContact(id: string): Promise<ContactDetail | null>;
    findContacts(lookup: ContactLookup): Promise<ContactDetail[]>;
}
//# sourceMappingURL=postgres-reads.d.ts.map