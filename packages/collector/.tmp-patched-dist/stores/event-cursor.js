import { InvalidCursorError } from './store.js';
/**
 * The opaque `nextCursor` of an event page: the position of its last event. Keyset
 * pagination, so events inserted meanwhile never shift a page (no repeats, no gaps).
 *
 * @example
 * const nextCursor = page.length === limit ? encodeEventCursor(last) : null
 */
export function encodeEventCursor(position) {
    return Buffer.from(JSON.stringify([position.timestamp, position.seq])).toString('base64url');
}
/** @example const after = query.cursor === undefined ? null : decodeEventCursor(query.cursor) */
export function decodeEventCursor(cursor) {
    try {
        const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(decoded) && decoded.length === 2) {
            const [timestamp, seq] = decoded;
            if (typeof timestamp === 'string' && Number.isSafeInteger(seq))
                return { timestamp, seq: seq };
        }
    }
    catch {
        // falls through to the error a user can act on
    }
    throw new InvalidCursorError(cursor);
}
/** True when `a` comes after `b` in the log (older, or as old and inserted earlier). */
export function isAfterPosition(a, b) {
    return a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq);
}
//# sourceMappingURL=event-cursor.js.map