import { decodeEventCursor, encodeEventCursor, isAfterPosition } from '../event-cursor.js';
import { toIsoInstant } from '../iso-instant.js';
import { resolveMemoryContactId } from './memory-state.js';
/** `Store.listEvents` on the memory maps: a scan, fine for the data a memory store holds. */
export function listMemoryEvents(state, query) {
    const after = query.cursor === undefined ? null : decodeEventCursor(query.cursor);
    const since = query.since === undefined ? null : toIsoInstant(query.since);
    const until = query.until === undefined ? null : toIsoInstant(query.until);
    const candidates = query.contactId === undefined ? state.events : (state.eventsByContact.get(resolveMemoryContactId(state, query.contactId)) ?? []);
    const matching = candidates.filter((event) => (query.name === undefined || event.name === query.name) &&
        (query.type === undefined || event.type === query.type) &&
        (since === null || event.timestamp >= since) &&
        (until === null || event.timestamp < until) &&
        (after === null || isAfterPosition(event, after)));
    matching.sort((a, b) => (a.timestamp === b.timestamp ? b.seq - a.seq : a.timestamp < b.timestamp ? 1 : -1));
    const page = matching.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = last !== undefined && matching.length > query.limit ? encodeEventCursor(last) : null;
    return { events: page.map(toStoredEvent), nextCursor };
}
/** `Store.getContact`: answers for merged-away ids with the survivor. */
export function getMemoryContact(state, id) {
    const contact = state.contacts.get(resolveMemoryContactId(state, id));
    if (contact === undefined)
        return null;
    const attributes = Object.fromEntries([...(state.attributes.get(contact.id) ?? [])].map(([key, { value }]) => [key, value]));
    const mergedFrom = [...state.mergedInto].filter(([, survivor]) => survivor === contact.id).map(([merged]) => merged);
    const summaries = [...(state.summaries.get(contact.id)?.values() ?? [])].map((summary) => ({ ...summary }));
    return {
        id: contact.id,
        userId: contact.userId,
        email: contact.email,
        anonymousIds: [...contact.anonymousIds].sort(),
        attributes,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
        mergedFrom: mergedFrom.sort(),
        summaries: summaries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    };
}
/** `Store.findContacts`: emails are compared lower-cased, as they are stored. */
export function findMemoryContacts(state, lookup) {
    const [kind, value] = 'email' in lookup ? ['email', lookup.email.trim().toLowerCase()] : 'userId' in lookup ? ['userId', lookup.userId] : ['anonymousId', lookup.anonymousId];
    const id = state.contactIdBy[kind].get(value);
    const contact = id === undefined ? null : getMemoryContact(state, id);
    return contact === null ? [] : [contact];
}
/** `Store.deleteContact`: the erased events' keys stay known, so a late retry is not stored again. */
export function deleteMemoryContact(state, id) {
    const contact = state.contacts.get(resolveMemoryContactId(state, id));
    if (contact === undefined)
        return false;
    if (contact.userId !== null)
        state.contactIdBy.userId.delete(contact.userId);
    if (contact.email !== null)
        state.contactIdBy.email.delete(contact.email);
    for (const anonymousId of contact.anonymousIds)
        state.contactIdBy.anonymousId.delete(anonymousId);
    state.events = state.events.filter((event) => event.contactId !== contact.id);
    for (const [merged, survivor] of state.mergedInto)
        if (survivor === contact.id)
            state.mergedInto.delete(merged);
    state.contacts.delete(contact.id);
    state.eventsByContact.delete(contact.id);
    state.summaries.delete(contact.id);
    state.attributes.delete(contact.id);
    return true;
}
function toStoredEvent({ source: _source, seq: _seq, ...event }) {
    return structuredClone(event);
}
//# sourceMappingURL=memory-reads.js.map