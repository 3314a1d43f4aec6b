/**
 * A random UUID v4: the collector de-duplicates retries and beacons by it.
 * Outside secure contexts (plain http), where `crypto.randomUUID` is missing, it is
 * built from `crypto.getRandomValues`, which exists everywhere.
 *
 * @example
 * messageId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function messageId(): string {
  return crypto.randomUUID
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
        (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
      )
}
