/**
 * Canonical ISO-8601 UTC (`2024-05-01T12:00:00.000Z`) of a time a caller gave in any ISO
 * form, so that the text comparisons the stores make on timestamps are comparisons in time.
 *
 * @example
 * toIsoInstant('2024-05-01T14:00:00+02:00') // '2024-05-01T12:00:00.000Z'
 */
export declare function toIsoInstant(value: string): string;
//# sourceMappingURL=iso-instant.d.ts.map