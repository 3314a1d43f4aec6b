import type { ContactDetail, EventPage } from '@sillage/protocol';
import type { ContactLookup, EventQuery } from '../store.js';
import { type MemoryState } from './memory-state.js';
/** `Store.listEvents` on the memory maps: a scan, fine for the data a memory store holds. */
export declare function listMemoryEvents(state: MemoryState, query: EventQuery): EventPage;
/** `Store.getContact`: answers for merged-away ids with the survivor. */
export declare function getMemoryContact(state: MemoryState, id: string): ContactDetail | null;
/** `Store.findContacts`: emails are compared lower-cased, as they are stored. */
export declare function findMemoryContacts(state: MemoryState, lookup: ContactLookup): ContactDetail[];
/** `Store.deleteContact`: the erased events' keys stay known, so a late retry is not stored again. */
export declare function deleteMemoryContact(state: MemoryState, id: string): boolean;
//# sourceMappingURL=memory-reads.d.ts.map