import type { ContactDetail, StoredEvent } from '@sillage/protocol'
import type { MembershipInput } from '../../segments/membership-input.js'
import type { TemplateContext } from '../template-context.js'
import type { ContactReads } from './contact-reads.js'

/** Most of a contact's events an `if` step looks at, newest first. */
const MAX_EVENTS_SEEN = 1000

/** A contact as steps see it at one moment: for templates and for `if` conditions. */
export interface ContactSnapshot {
  contact: ContactDetail
  /** Newest first; read on first use. */
  events(): Promise<StoredEvent[]>
}

/**
 * The contact `id` resolves to (itself or the survivor of a merge), as committed now; null
 * once erased.
 *
 * @example
 * const snapshot = await contactSnapshot(store, run.contactId)
 */
export async function contactSnapshot(reads: ContactReads, id: string): Promise<ContactSnapshot | null> {
  const contact = await reads.getContact(id)
  if (contact === null) return null
  let events: Promise<StoredEvent[]> | null = null
  return {
    contact,
    events: () =>
      (events ??= reads.listEvents({ contactId: contact.id, limit: MAX_EVENTS_SEEN }).then((page) => page.events)),
  }
}

/**
 * What `template` reads: the contact, the trigger, and the event history
 * (`event.NAME.count`, `.first`, `.last`, `.lastProperties`). The contact's events are read
 * only for a template that names `lastProperties`: the rest comes with the contact.
 *
 * @example
 * renderTemplate(payload, await templateContext(snapshot, run.trigger, payload))
 */
export async function templateContext(
  snapshot: ContactSnapshot,
  trigger: TemplateContext['trigger'],
  template: unknown,
): Promise<TemplateContext> {
  const { contact } = snapshot
  const events = JSON.stringify(template ?? null).includes('lastProperties') ? await snapshot.events() : []
  const event: TemplateContext['event'] = {}
  for (const summary of contact.summaries) {
    const latest = events.find((stored) => stored.name === summary.name)
    event[summary.name] = {
      count: summary.count,
      first: summary.first,
      last: summary.last,
      lastProperties: latest?.properties ?? null,
    }
  }
  return {
    contact: { id: contact.id, email: contact.email, userId: contact.userId, attributes: contact.attributes },
    trigger,
    event,
  }
}

/**
 * What a segment condition sees of the contact at `now`.
 *
 * @example
 * evaluateCondition(step.if, await membershipInput(snapshot, now))
 */
export async function membershipInput(snapshot: ContactSnapshot, now: Date): Promise<MembershipInput> {
  const { contact } = snapshot
  const events = await snapshot.events()
  return {
    contact: { id: contact.id, email: contact.email, userId: contact.userId, attributes: contact.attributes },
    events: events.map((stored) => ({
      id: stored.messageId,
      name: stored.name,
      timestamp: stored.timestamp,
      properties: stored.properties,
    })),
    now,
  }
}
