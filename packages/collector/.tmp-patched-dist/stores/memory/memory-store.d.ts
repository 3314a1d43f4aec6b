import type { ContactDetail, EventPage } from '@sillage/protocol';
import type { ContactLookup, EventQuery, IngestResult, NormalisedEvent, Store } from '../store.js';
/**
 * A store that keeps everything in the process's memory: for tests, demos and
 * benchmarks. Everything is lost when the process ends. Calls run one at a time, so a
 * reader never sees an ingest half done.
 *
 * @example
 * const store = createStore('memory:')
 * await store.open()
 * await store.ingest([event])
 */
export declare class MemoryStore implements Store {
    readonly description = "memory:";
    private readonly state;
    private readonly queue;
    open(): Promise<void>;
    close(): Promise<void>;
    isHealthy(): Promise<boolean>;
    ingest(events: readonly NormalisedEvent[]): Promise<IngestResult>;
    listEvents(query: EventQuery): Promise<EventPage>;
    findContacts(lookup: ContactLookup): Promise<ContactDetail[]>;
    getContact(id: string): Promise<ContactDetail | null>;
    deleteContact(id: string): Promise<boolean>;
}
/** @example const store = createMemoryStore() */
export declare function createMemoryStore(): MemoryStore;
//# sourceMappingURL=memory-store.d.ts.map