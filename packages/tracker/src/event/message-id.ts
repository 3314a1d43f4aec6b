/**
 * A unique event id: the collector de-duplicates retries and beacons by it. A UUID v4
 * where `crypto.randomUUID` exists (secure contexts); elsewhere (plain http) 128 random
 * bits from `crypto.getRandomValues`, available everywhere, as four dash-joined numbers.
 *
 * @example
 * messageId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function messageId(): string {
  return crypto.randomUUID ? crypto.randomUUID() : crypto.getRandomValues(new Uint32Array(4)).join('-')
}
