/**
 * A random UUID v4: the collector de-duplicates retries and beacons by it. Outside
 * secure contexts (plain http), where `crypto.randomUUID` is missing, 128 random bits
 * from `crypto.getRandomValues` (available everywhere) in hex.
 *
 * @example
 * messageId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function messageId(): string {
  return crypto.randomUUID
    ? crypto.randomUUID()
    : [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => (byte + 256).toString(16).slice(1)).join('')
}
