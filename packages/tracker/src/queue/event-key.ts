let sequence = 0

/**
 * A queue key that sorts by time (ISO timestamps sort as strings), then by order of
 * tracking within this tab, and stays unique across tabs thanks to the messageId.
 *
 * @example
 * eventKey('2025-01-01T00:00:00.000Z', id) // '2025-01-01T00:00:00.000Z1000001<id>'
 */
export function eventKey(timestamp: string, messageId: string): string {
  return timestamp + (1e6 + ++sequence) + messageId
}
