import type { BatchResponse, ContactDetail, StoredEvent } from '@sillage/protocol'
import { basic } from './test-collector.js'

/**
 * Plain HTTP calls to a collector listening on a port (a child process): what a tracker,
 * a Segment library or an admin script would send.
 *
 * @example
 * const client = collectorClient(collector.url, { writeKey, secretKey })
 * await client.postBatch([{ type: 'track', event: 'x', anonymousId: 'a' }])
 */
export function collectorClient(baseUrl: string, keys: { writeKey: string; secretKey: string }) {
  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(keys.writeKey) },
      body: JSON.stringify(body),
    })
  const read = (path: string) => fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${keys.secretKey}` } })

  async function readJson<T>(path: string): Promise<T> {
    const response = await read(path)
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }

  return {
    post,
    read,
    postBatch: (batch: unknown[]) => post('/v1/batch', { batch, sentAt: new Date().toISOString() }),
    health: () => fetch(`${baseUrl}/healthz`),

    /** Every event of the log (or of one contact), following `nextCursor` to the end. */
    async allEvents(query: Record<string, string> = {}): Promise<StoredEvent[]> {
      const events: StoredEvent[] = []
      let cursor: string | null = null
      do {
        const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) })
        const page: { events: StoredEvent[]; nextCursor: string | null } = await readJson(`/v1/events?${params}`)
        events.push(...page.events)
        cursor = page.nextCursor
      } while (cursor !== null)
      return events
    },

    async contactsBy(lookup: 'userId' | 'email' | 'anonymousId', value: string): Promise<ContactDetail[]> {
      return (await readJson<{ contacts: ContactDetail[] }>(`/v1/contacts?${lookup}=${encodeURIComponent(value)}`))
        .contacts
    },

    contact: (id: string) => readJson<ContactDetail>(`/v1/contacts/${encodeURIComponent(id)}`),
  }
}

/** The body of a 200 from `/v1/batch`, or an error naming what came back instead. */
export async function batchResult(response: Response): Promise<BatchResponse> {
  const body = await response.text()
  if (response.status !== 200) throw new Error(`expected 200 from the collector, got ${response.status}: ${body}`)
  return JSON.parse(body) as BatchResponse
}
