/**
 * A unique event id: the collector de-duplicates retries and beacons by it, forever, in
 * an index of every id it stored. The id starts with the time in base 36 (8 characters
 * until 2059), then a UUID v4 where `crypto.randomUUID` exists (secure contexts);
 * elsewhere (plain http) 128 random bits from `crypto.getRandomValues` as four
 * dash-joined numbers. Like Segment's `node-next-<ms>-<uuid>`.
 *
 * Why the time first: ids that arrive one after another then sort next to each other,
 * so the collector's de-duplication index grows at its end instead of on a random page
 * per event, and each commit writes fewer pages.
 *
 * @example
 * messageId() // 'mic2v5xk-3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function messageId(): string {
  return Date.now().toString(36) + '-' + (crypto.randomUUID?.() || crypto.getRandomValues(new Uint32Array(4)).join('-'))
}
