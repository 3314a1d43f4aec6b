/**
 * GDPR erasure in one transaction: the contact (or the survivor an old id resolves to),
 * its events, identities, summaries, attributes, and the merge-log entries pointing at it,
 * so no old id resolves to anything afterwards. The erased events' (source, messageId) are
 * kept — no personal data — so a late retry stays a duplicate instead of bringing the
 * person back.
 *
 * @example
 * await sql.begin((tx) => deletePostgresContact(tx, id))
 */
export async function deletePostgresContact(sql, id) {
    const [contact] = await sql `
    SELECT id FROM contacts WHERE id = coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ${id}), ${id}) FOR UPDATE`;
    if (contact === undefined)
        return false;
    await sql `
    INSERT INTO erased_messages (source, message_id) SELECT source, message_id FROM events WHERE contact_id = ${contact.id}
    ON CONFLICT DO NOTHING`;
    await sql `DELETE FROM events WHERE contact_id = ${contact.id}`;
    await sql `DELETE FROM anonymous_ids WHERE contact_id = ${contact.id}`;
    await sql `DELETE FROM event_summaries WHERE contact_id = ${contact.id}`;
    await sql `DELETE FROM contact_attributes WHERE contact_id = ${contact.id}`;
    await sql `DELETE FROM contact_merges WHERE into_id = ${contact.id}`;
    await sql `DELETE FROM contacts WHERE id = ${contact.id}`;
    return true;
}
//# sourceMappingURL=delete-postgres-contact.js.map