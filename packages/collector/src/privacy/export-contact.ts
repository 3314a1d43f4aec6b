import type { ContactDetail, JsonObject, StoredEvent } from '@sillage/protocol'
import type { Change } from '../events/change.js'
import type { Store } from '../stores/store.js'
import type { ContactMerge } from './contact-history.js'
import type { ExportSections } from './export-sections.js'

/** Everything the collector keeps about one contact (an access request's answer). */
export interface ContactExport {
  exportedAt: string
  /** The record: identifiers, attributes, summaries, ids merged into it. */
  contact: ContactDetail
  /** Every stored event, newest first. */
  events: StoredEvent[]
  merges: ContactMerge[]
  /** Its change-feed entries and those of the contacts merged into it, oldest first. */
  changes: Change[]
  segments: JsonObject[]
  runs: JsonObject[]
  deliveries: JsonObject[]
}

/**
 * Gathers everything stored about the contact `id` resolves to (an id merged away gives
 * the survivor's), or null when there is none.
 *
 * @example
 * const document = await exportContact(store, { id, at: new Date(), sections: storedExportSections(store) })
 */
export async function exportContact(
  store: Store,
  { id, at, sections }: { id: string; at: Date; sections: ExportSections },
): Promise<ContactExport | null> {
  const contact = await store.getContact(id)
  if (contact === null) return null
  const events: StoredEvent[] = []
  let cursor: string | undefined
  do {
    const after = cursor === undefined ? {} : { cursor }
    const page = await store.listEvents({ contactId: contact.id, limit: 1000, ...after })
    events.push(...page.events)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  const history = await store.transaction((tx) => tx.readContactHistory({ contactId: contact.id }))
  const [segments, runs, deliveries] = await Promise.all([
    sections.segments(contact.id),
    sections.runs(contact.id),
    sections.deliveries(contact.id),
  ])
  return { exportedAt: at.toISOString(), contact, events, ...history, segments, runs, deliveries }
}
