import { createHash, randomUUID } from 'node:crypto';
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
export function deriveMessageId(source, event, hasTimestamp) {
    if (!hasTimestamp)
        return `sillage-${randomUUID()}`;
    const { sentAt: _sentAt, ...stable } = event;
    const hash = createHash('sha256').update(source).update('\n').update(JSON.stringify(stable)).digest('hex');
    return `sillage-${hash.slice(0, 40)}`;
}
//# sourceMappingURL=derive-message-id.js.map