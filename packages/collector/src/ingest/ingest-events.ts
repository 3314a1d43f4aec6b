import type { NormalisedEvent } from '../events/normalised-event.js'
import { readEventIdentifiers } from '../identity/event-identifiers.js'
import { resolveContact } from '../identity/resolve-contact.js'
import type { StoreTransaction, Transactional } from '../transaction/store-transaction.js'
import { BatchScope } from './batch-scope.js'
import type { IngestOutcome } from './ingest-outcome.js'

/**
 * The ingestion pipeline, in ONE store transaction: de-duplicate, resolve the contact,
 * store the event, keep the event summary and the contact's attributes, and append what
 * changed to the feed. Resolves once committed: the collector acknowledges only that.
 * A duplicate changes nothing, not even identities; a messageId sent twice in one batch
 * is stored once.
 *
 * @example
 * const { accepted, duplicates, stored } = await ingestEvents(store, events)
 */
export function ingestEvents(store: Transactional, events: readonly NormalisedEvent[]): Promise<IngestOutcome> {
  return store.transaction((tx) => ingestInTransaction(tx, events))
}

/**
 * The same pipeline inside a transaction the caller opened.
 *
 * @example
 * await store.transaction((tx) => ingestInTransaction(tx, events))
 */
export async function ingestInTransaction(
  tx: StoreTransaction,
  events: readonly NormalisedEvent[],
): Promise<IngestOutcome> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, stored: [], created: [], merges: [], updated: [] }
  const seen = await storedMessageKeys(tx, events)
  const batch = new BatchScope(tx)
  let accepted = 0
  let duplicates = 0
  for (const event of events) {
    const key = messageKey(event.source, event.messageId)
    if (seen.has(key)) {
      duplicates += 1
      continue
    }
    seen.add(key)
    const contactId = await resolveContact(batch, readEventIdentifiers(event), event.receivedAt)
    batch.queueEvent(event, contactId)
    if (Object.keys(event.traits).length > 0)
      await batch.setAttributes(contactId, event.traits, event.timestamp, event.receivedAt)
    accepted += 1
  }
  await batch.flush()
  return { accepted, duplicates, ...batch.outcome }
}

/** The batch's (source, messageId) keys already stored: one store call per source (usually one). */
async function storedMessageKeys(tx: StoreTransaction, events: readonly NormalisedEvent[]): Promise<Set<string>> {
  const idsBySource = new Map<string, string[]>()
  for (const { source, messageId } of events) {
    const ids = idsBySource.get(source)
    if (ids === undefined) idsBySource.set(source, [messageId])
    else ids.push(messageId)
  }
  const keys = new Set<string>()
  for (const [source, messageIds] of idsBySource) {
    for (const messageId of await tx.storedMessageIds({ source, messageIds })) keys.add(messageKey(source, messageId))
  }
  return keys
}

const messageKey = (source: string, messageId: string) => `${source}\u0000${messageId}`
