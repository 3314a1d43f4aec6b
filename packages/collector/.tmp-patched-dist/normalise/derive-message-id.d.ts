/**
 * A messageId for an event that came without one (server-side calls, Brevo events).
 *
 * When the event carries its own timestamp, the id is a hash of the source and the
 * event as sent (minus `sentAt`, which a retry renews): a library that retries the
 * same call sends the same bytes, so the retry de-duplicates. Two genuinely distinct
 * events would need identical content *and* the same millisecond to collide.
 * Without a timestamp a retry and a second real event are indistinguishable, so the
 * id is random: better a rare double than a lost event.
 *
 * @example
 * deriveMessageId('api', { type: 'track', event: 'x', userId: 'u', timestamp: '2026-01-01T00:00:00Z' })
 * // 'sillage-3f1c…' (same input, same id)
 */
export declare function deriveMessageId(source: string, event: Record<string, unknown>, hasTimestamp: boolean): string;
//# sourceMappingURL=derive-message-id.d.ts.map