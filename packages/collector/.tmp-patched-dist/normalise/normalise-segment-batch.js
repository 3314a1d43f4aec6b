import { MAX_EVENT_BYTES } from '@sillage/protocol';
import { normaliseSegmentEvent } from './normalise-segment-event.js';
/**
 * Normalises each event of a batch on its own, so one bad event is rejected (with its
 * index, messageId and reasons) while the others are stored.
 *
 * @example
 * const { events, rejected } = normaliseSegmentBatch(envelope.batch, { context: {}, sentAt }, facts, {})
 */
export function normaliseSegmentBatch(batch, defaults, facts, options) {
    const events = [];
    const rejected = [];
    batch.forEach((raw, index) => {
        const messageId = isObject(raw) && typeof raw.messageId === 'string' ? raw.messageId.slice(0, 100) : null;
        const errors = sizeErrors(raw) ?? (isObject(raw) ? null : ['the event must be a JSON object']);
        if (errors) {
            rejected.push({ index, messageId, errors });
            return;
        }
        const result = normaliseSegmentEvent(raw, defaults, facts, options);
        if (result.ok)
            events.push(result.event);
        else
            rejected.push({ index, messageId, errors: result.errors });
    });
    return { events, rejected };
}
function sizeErrors(raw) {
    const bytes = Buffer.byteLength(JSON.stringify(raw) ?? '');
    if (bytes <= MAX_EVENT_BYTES)
        return null;
    return [`the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties`];
}
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
//# sourceMappingURL=normalise-segment-batch.js.map