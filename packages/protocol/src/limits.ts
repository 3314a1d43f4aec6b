/**
 * Size and length limits of the wire protocol (docs/api.md). They match Segment's
 * HTTP Tracking API so that existing server libraries never hit a surprise.
 */

/** Largest serialised event the collector accepts, in bytes. */
export const MAX_EVENT_BYTES = 32 * 1024

/** Largest request body (after decompression) the collector accepts, in bytes. */
export const MAX_BATCH_BYTES = 500 * 1024

/** Most events one batch may carry. */
export const MAX_BATCH_EVENTS = 2500

/** Longest event name (`track` event, Brevo `event_name`). */
export const MAX_NAME_LENGTH = 255

/** Longest `anonymousId`, `userId`, `email` or other identifier. */
export const MAX_IDENTIFIER_LENGTH = 255

/** Longest `messageId`; also the length of the de-duplication key. */
export const MAX_MESSAGE_ID_LENGTH = 100

/** Largest body a page may send while it unloads (`sendBeacon` / `keepalive` cap). */
export const MAX_BEACON_BYTES = 64 * 1024

/** Device clocks within this offset of the collector's are trusted as-is (transit, not skew). */
export const MAX_TRUSTED_CLOCK_SKEW_MS = 60 * 1000
