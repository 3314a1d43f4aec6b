/**
 * GDPR erasure on the writer connection, inside the writer's transaction: the contact
 * (or the survivor an old id resolves to), its events, identities, summaries, attributes,
 * and the merge-log entries pointing at it, so no old id resolves to anything afterwards.
 * The erased events' (source, messageId) are kept — no personal data — so a late retry
 * stays a duplicate instead of bringing the person back.
 *
 * @example
 * await writer.run(async () => deleteSqliteContact(db, id))
 */
export function deleteSqliteContact(db, id) {
    const contactId = db.prepare('SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ?), ?)').pluck().get(id, id);
    if (db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(contactId) === undefined)
        return false;
    const steps = [
        'INSERT OR IGNORE INTO erased_messages (source, message_id) SELECT source, message_id FROM events WHERE contact_id = ?',
        'DELETE FROM events WHERE contact_id = ?',
        'DELETE FROM anonymous_ids WHERE contact_id = ?',
        'DELETE FROM event_summaries WHERE contact_id = ?',
        'DELETE FROM contact_attributes WHERE contact_id = ?',
        'DELETE FROM contact_merges WHERE into_id = ?',
        'DELETE FROM contacts WHERE id = ?',
    ];
    for (const step of steps)
        db.prepare(step).run(contactId);
    return true;
}
//# sourceMappingURL=delete-sqlite-contact.js.map