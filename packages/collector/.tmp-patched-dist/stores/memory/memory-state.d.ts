import type { EventSummary, StoredEvent } from '@sillage/protocol';
import type { IdentifierKind } from '../../identity/identity-transaction.js';
export interface MemoryContact {
    id: string;
    userId: string | null;
    email: string | null;
    anonymousIds: Set<string>;
    createdAt: string;
    updatedAt: string;
}
export interface MemoryEvent extends StoredEvent {
    source: string;
    seq: number;
}
export interface MemoryAttribute {
    value: unknown;
    timestamp: string;
}
/** Everything the memory store holds; the maps mirror the SQL stores' tables and indexes. */
export interface MemoryState {
    lastSeq: number;
    contacts: Map<string, MemoryContact>;
    contactIdBy: Record<IdentifierKind, Map<string, string>>;
    /** In insertion order. */
    events: MemoryEvent[];
    /** Per contact, in insertion order. */
    eventsByContact: Map<string, MemoryEvent[]>;
    /** `source \0 messageId` of every event ever stored, erased ones included. */
    messageKeys: Set<string>;
    summaries: Map<string, Map<string, EventSummary>>;
    attributes: Map<string, Map<string, MemoryAttribute>>;
    /** Merged-away contact id → surviving contact id (always one hop: chains are collapsed). */
    mergedInto: Map<string, string>;
}
/** @example const state = createMemoryState() */
export declare function createMemoryState(): MemoryState;
/** @example state.messageKeys.has(messageKey(event.source, event.messageId)) */
export declare function messageKey(source: string, messageId: string): string;
/** The contact an id names today: itself, or the survivor it was merged into. */
export declare function resolveMemoryContactId(state: MemoryState, id: string): string;
//# sourceMappingURL=memory-state.d.ts.map