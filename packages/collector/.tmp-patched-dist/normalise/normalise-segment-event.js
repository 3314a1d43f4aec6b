import { formatIssues, segmentEventSchema } from '@sillage/protocol';
import { correctClockSkew } from './correct-clock-skew.js';
import { deriveMessageId } from './derive-message-id.js';
import { resolveIdentity } from './resolve-identity.js';
import { segmentPayload } from './segment-payload.js';
import { usableEmail, usableIdentifier } from './usable-identifier.js';
/**
 * One Segment-spec event, as sent, → what the store persists (CONTRACT §3.3):
 * validated, batch context merged under its own, identity checked, clock skew
 * corrected, messageId generated when absent.
 *
 * @example
 * const result = normaliseSegmentEvent(rawEvent, { context: {}, sentAt }, facts, { identitySecret })
 * if (result.ok) events.push(result.event)
 */
export function normaliseSegmentEvent(raw, batch, facts, options) {
    const parsed = segmentEventSchema.safeParse(raw);
    if (!parsed.success)
        return { ok: false, errors: formatIssues(parsed.error.issues) };
    const event = parsed.data;
    const { userHash, ...mergedContext } = { ...batch.context, ...event.context };
    const traits = event.type === 'identify' ? (event.traits ?? {}) : {};
    const contextTraits = isObject(mergedContext.traits) ? mergedContext.traits : {};
    const identity = resolveIdentity({
        anonymousId: usableIdentifier(event.anonymousId),
        userId: usableIdentifier(event.userId),
        email: usableEmail(traits.email) ?? usableEmail(contextTraits.email),
        userHash,
    }, { identitySecret: options.identitySecret, trusted: facts.trusted });
    if (!identity.ok)
        return { ok: false, errors: [identity.error] };
    const previousId = event.type === 'alias' ? usableIdentifier(event.previousId) : null;
    if (event.type === 'alias' && !previousId) {
        return { ok: false, errors: [`previousId: "${event.previousId}" is a placeholder value, not an id that can be merged`] };
    }
    const receivedAt = facts.receivedAt.getTime();
    const sentAtText = batch.sentAt ?? event.sentAt;
    const sentAt = sentAtText === undefined ? null : Date.parse(sentAtText);
    const deviceTimestamp = event.timestamp ?? event.originalTimestamp;
    const originalTimestamp = deviceTimestamp === undefined ? (sentAt ?? receivedAt) : Date.parse(deviceTimestamp);
    const timestamp = correctClockSkew(originalTimestamp, sentAt, receivedAt);
    if (!isValidTime(timestamp)) {
        return { ok: false, errors: ['timestamp: after clock-skew correction it falls outside the representable dates; check the device clock'] };
    }
    const context = {
        ...mergedContext,
        // Server libraries pass the end user's address and agent; otherwise the request's.
        ip: typeof mergedContext.ip === 'string' ? mergedContext.ip : facts.ip,
        userAgent: typeof mergedContext.userAgent === 'string' ? mergedContext.userAgent : facts.userAgent,
    };
    return {
        ok: true,
        event: {
            source: facts.source,
            messageId: event.messageId ?? deriveMessageId(facts.source, raw, deviceTimestamp !== undefined),
            type: event.type,
            ...segmentPayload(event, mergedContext),
            anonymousId: identity.anonymousId,
            userId: identity.userId,
            email: identity.email,
            previousId,
            context,
            timestamp: new Date(timestamp).toISOString(),
            originalTimestamp: new Date(originalTimestamp).toISOString(),
            sentAt: sentAt === null ? null : new Date(sentAt).toISOString(),
            receivedAt: facts.receivedAt.toISOString(),
            identity: identity.identity,
        },
    };
}
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isValidTime = (ms) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
//# sourceMappingURL=normalise-segment-event.js.map