import type { ContactDetail } from '@sillage/protocol'
import type { EventQuery, Store } from '../../stores/store.js'
import { parseEventFilters, type EventFilters } from './event-filters.js'
import { findContactsByAny } from './find-contacts-by-any.js'

export type ResolvedEventQuery = (
  | { ok: true; query: Omit<EventQuery, 'limit'>; contact: ContactDetail | null }
  | { ok: false; message: string }
) & { filters: Partial<EventFilters> }

/**
 * The store query for an event-log request's filters, the contact typed as an email or
 * any id resolved (and returned, with the ids merged into it); or the message to show
 * beside the form.
 *
 * @example
 * const resolved = await resolveEventQuery(store, c.req.query())
 * if (resolved.ok) await store.listEvents({ ...resolved.query, limit: 50 })
 */
export async function resolveEventQuery(
  store: Pick<Store, 'getContact' | 'findContacts'>,
  params: Record<string, string>,
): Promise<ResolvedEventQuery> {
  const parsed = parseEventFilters(params)
  if (!parsed.ok) return { ok: false, message: parsed.message, filters: parsed.filters }
  const { filters } = parsed
  let contact: ContactDetail | null = null
  if (filters.contact) {
    ;[contact = null] = await findContactsByAny(store, filters.contact)
    if (!contact) {
      const message = `No contact matches "${filters.contact}": try their email, userId or anonymousId.`
      return { ok: false, message, filters }
    }
  }
  const { name, type } = filters
  const query = { name, type, since: parsed.since, until: parsed.until, contactId: contact?.id }
  return { ok: true, query, contact, filters }
}
