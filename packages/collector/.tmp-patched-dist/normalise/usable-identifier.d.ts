/**
 * The identifier if it may identify someone, else null: placeholder values such as
 * `"null"` or `"anonymous"` (CONTRACT §4) are dropped rather than gluing strangers together.
 *
 * @example
 * usableIdentifier(' u_42 ') // 'u_42'
 * usableIdentifier('null')   // null
 */
export declare function usableIdentifier(value: unknown): string | null;
/**
 * An email as stored: trimmed and lower-cased, or null when absent or a placeholder.
 *
 * @example
 * usableEmail(' Ada@Example.COM ') // 'ada@example.com'
 */
export declare function usableEmail(value: unknown): string | null;
//# sourceMappingURL=usable-identifier.d.ts.map