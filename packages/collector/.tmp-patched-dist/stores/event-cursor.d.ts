/** Where an event sits in the event log: newest first by timestamp, then by insertion order. */
export interface EventPosition {
    timestamp: string;
    /** Insertion order within the store; never reused. */
    seq: number;
}
/**
 * The opaque `nextCursor` of an event page: the position of its last event. Keyset
 * pagination, so events inserted meanwhile never shift a page (no repeats, no gaps).
 *
 * @example
 * const nextCursor = page.length === limit ? encodeEventCursor(last) : null
 */
export declare function encodeEventCursor(position: EventPosition): string;
/** @example const after = query.cursor === undefined ? null : decodeEventCursor(query.cursor) */
export declare function decodeEventCursor(cursor: string): EventPosition;
/** True when `a` comes after `b` in the log (older, or as old and inserted earlier). */
export declare function isAfterPosition(a: EventPosition, b: EventPosition): boolean;
//# sourceMappingURL=event-cursor.d.ts.map