import type { Contact, EventPage, StoredEvent } from '@sillage/protocol'
import type { RunningCollector } from './collector.js'

/**
 * The collector's stored data is the only oracle of these tests: what the read API returns
 * is what was delivered, whatever the tracker believes it sent.
 */

/** Every stored event, oldest first (the API pages newest first; we follow `nextCursor` to the end). */
export async function storedEvents(collector: RunningCollector): Promise<StoredEvent[]> {
  const events: StoredEvent[] = []
  let cursor: string | null = null
  do {
    const query = new URLSearchParams({ limit: '1000' })
    if (cursor) query.set('cursor', cursor)
    const page = (await readApi(collector, `/v1/events?${query}`)) as EventPage
    events.push(...page.events)
    cursor = page.nextCursor
  } while (cursor)
  return events.reverse()
}

export async function contactsWhere(
  collector: RunningCollector,
  lookup: { email: string } | { userId: string } | { anonymousId: string },
): Promise<Contact[]> {
  const body = (await readApi(collector, `/v1/contacts?${new URLSearchParams(lookup)}`)) as { contacts: Contact[] }
  return body.contacts
}

/**
 * Polls until at least `count` events are stored (or the deadline passes), then keeps
 * watching for `settleMs` more so that a late duplicate still shows up in the answer.
 * Returns what is stored then; the caller asserts exact counts on it.
 */
export async function waitForStoredEvents(
  collector: RunningCollector,
  count: number,
  { timeoutMs = 15_000, settleMs = 750 }: { timeoutMs?: number; settleMs?: number } = {},
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs
  let events = await storedEvents(collector)
  while (events.length < count && Date.now() < deadline) {
    await sleep(100)
    events = await storedEvents(collector)
  }
  await sleep(settleMs)
  return storedEvents(collector)
}

/** `name` of each event, oldest first, for readable `toEqual` failures. */
export function eventNames(events: readonly StoredEvent[]): string[] {
  return events.map((event) => event.name)
}

/** How many times each value occurs, e.g. `{ cart_updated: 2 }`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

/** The runs of an automation as the API shows them, newest first. */
export async function storedRuns(
  collector: RunningCollector,
  automationId: string,
): Promise<{ id: string; status: string; log: { step: string; outcome: string }[] }[]> {
  const body = (await readApi(collector, `/v1/automations/${encodeURIComponent(automationId)}/runs`)) as {
    runs: { id: string; status: string; log: { step: string; outcome: string }[] }[]
  }
  return body.runs
}

/** Every webhook message as the API shows it, newest first. */
export async function storedDeliveries(
  collector: RunningCollector,
): Promise<{ id: string; webhookId: string; status: string; attempts: { status: number | null }[] }[]> {
  const body = (await readApi(collector, '/v1/deliveries')) as {
    deliveries: { id: string; webhookId: string; status: string; attempts: { status: number | null }[] }[]
  }
  return body.deliveries
}

async function readApi(collector: RunningCollector, path: string): Promise<unknown> {
  const response = await fetch(`${collector.url}${path}`, {
    headers: { authorization: `Bearer ${collector.secretKey}` },
  })
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
