import type { ContactDetail, StoredEvent } from '@sillage/protocol'
import type { EventQuery } from '../../stores/store.js'

/**
 * Whether a new event belongs in the event log the operator is looking at: the same
 * filters the store applies to a page, applied to one event of the change feed. The
 * contact matches under its id today or any id merged into it (the feed keeps the id an
 * event had when it was stored).
 *
 * @example
 * const matches = liveEventFilter({ query: { name: 'order_completed' }, contact: null })
 * matches(event) // true for an order_completed event
 */
export function liveEventFilter(options: {
  query: Omit<EventQuery, 'limit' | 'cursor'>
  contact: Pick<ContactDetail, 'id' | 'mergedFrom'> | null
}): (event: StoredEvent) => boolean {
  const { query, contact } = options
  const contactIds = contact === null ? null : new Set([contact.id, ...contact.mergedFrom])
  const since = query.since === undefined ? null : Date.parse(query.since)
  const until = query.until === undefined ? null : Date.parse(query.until)
  return (event) => {
    if (query.name !== undefined && event.name !== query.name) return false
    if (query.type !== undefined && event.type !== query.type) return false
    if (contactIds !== null && !contactIds.has(event.contactId)) return false
    const at = Date.parse(event.timestamp)
    return (since === null || at >= since) && (until === null || at < until)
  }
}
