/**
 * Canonical ISO-8601 UTC (`2024-05-01T12:00:00.000Z`) of a time a caller gave in any ISO
 * form, so that the text comparisons the stores make on timestamps are comparisons in time.
 *
 * @example
 * toIsoInstant('2024-05-01T14:00:00+02:00') // '2024-05-01T12:00:00.000Z'
 */
export function toIsoInstant(value) {
    const time = new Date(value);
    if (Number.isNaN(time.getTime()))
        throw new RangeError(`Not an ISO-8601 time: "${value}"`);
    return time.toISOString();
}
//# sourceMappingURL=iso-instant.js.map