export { normaliseSegmentBatch } from './normalise-segment-batch.js';
export { normaliseSegmentEvent } from './normalise-segment-event.js';
export { normaliseBrevoEvent } from './normalise-brevo-event.js';
export { correctClockSkew } from './correct-clock-skew.js';
export { deriveMessageId } from './derive-message-id.js';
export { resolveIdentity } from './resolve-identity.js';
export { clientAddress } from './client-address.js';
export { usableEmail, usableIdentifier } from './usable-identifier.js';
//# sourceMappingURL=index.js.map