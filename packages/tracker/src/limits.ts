/**
 * The protocol limits the tracker enforces, inlined so that the bundle never pulls in
 * `@sillage/protocol` code; `limits.test.ts` checks they equal the protocol's.
 */

/** Largest serialised event the collector accepts, in bytes. */
export const MAX_EVENT_BYTES = 32 * 1024

/** Largest body a page may send while it unloads (`sendBeacon` / `keepalive` cap). */
export const MAX_BEACON_BYTES = 64 * 1024

/** Longest `track` event name. */
export const MAX_NAME_LENGTH = 255
