import { readEventIdentifiers } from './event-identifiers.js';
import { resolveContact } from './resolve-contact.js';
/**
 * The ingestion pipeline every store runs inside its one transaction: de-duplicate,
 * resolve the contact, store the event, keep the event summary and the contact's
 * attributes. A duplicate changes nothing, not even identities.
 *
 * @example
 * // in a store's ingest()
 * return this.transaction((tx) => ingestEvents(tx, events))
 */
export async function ingestEvents(tx, events) {
    let accepted = 0;
    let duplicates = 0;
    for (const event of events) {
        if (await tx.hasMessage(event.source, event.messageId)) {
            duplicates += 1;
            continue;
        }
        const contactId = await resolveContact(tx, readEventIdentifiers(event), event.receivedAt);
        await tx.insertEvent(event, contactId);
        await tx.bumpSummary(contactId, event.name, event.timestamp);
        if (Object.keys(event.traits).length > 0)
            await tx.setAttributes(contactId, event.traits, event.timestamp);
        accepted += 1;
    }
    return { accepted, duplicates };
}
//# sourceMappingURL=ingest-events.js.map