/**
 * Bytes → JSON value, refusing what would trip code further in: invalid UTF-8, and
 * nesting deep enough to overflow the stack of `JSON.stringify` when the event is stored.
 */
export declare function parseJsonText(bytes: Uint8Array, maxDepth: number): unknown;
//# sourceMappingURL=parse-json-text.d.ts.map