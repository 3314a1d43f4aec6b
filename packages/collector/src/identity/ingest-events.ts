import type { IngestResult, SerialisedEvent } from '../stores/store.js'
import { BatchScope } from './batch-scope.js'
import { readEventIdentifiers } from './event-identifiers.js'
import type { IdentityTransaction } from './identity-transaction.js'
import { resolveContact } from './resolve-contact.js'

/**
 * The ingestion pipeline every store runs inside its one transaction: de-duplicate,
 * resolve the contact, store the event, keep the event summary and the contact's
 * attributes. A duplicate changes nothing, not even identities; a messageId sent twice
 * in one batch is stored once.
 *
 * @example
 * // in a store's ingest()
 * return this.transaction((tx) => ingestEvents(tx, events))
 */
export async function ingestEvents<E extends SerialisedEvent>(tx: IdentityTransaction<E>, events: readonly E[]): Promise<IngestResult> {
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
    if (Object.keys(event.traits).length > 0) await batch.setAttributes(contactId, event.traits, event.timestamp)
    accepted += 1
  }
  await batch.flush()
  return { accepted, duplicates }
}

/** The batch's (source, messageId) keys already stored: one store call per source (usually one). */
async function storedMessageKeys(tx: IdentityTransaction<SerialisedEvent>, events: readonly SerialisedEvent[]): Promise<Set<string>> {
  const idsBySource = new Map<string, string[]>()
  for (const { source, messageId } of events) {
    const ids = idsBySource.get(source)
    if (ids === undefined) idsBySource.set(source, [messageId])
    else ids.push(messageId)
  }
  const keys = new Set<string>()
  for (const [source, ids] of idsBySource) {
    for (const messageId of await tx.storedMessageIds(source, ids)) keys.add(messageKey(source, messageId))
  }
  return keys
}

const messageKey = (source: string, messageId: string) => `${source}\u0000${messageId}`
