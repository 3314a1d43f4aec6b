/**
 * The segment consumer's name in the feed's cursor table; its cursor row is also the lock
 * every segment writer (feed batch, background computation page, due re-check) takes
 * first, so that on a shared PostgreSQL database one collector at a time writes
 * memberships and their feed entries.
 */
export const SEGMENTS_LOCK = 'segments'
