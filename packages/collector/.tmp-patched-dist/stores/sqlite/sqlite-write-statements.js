/** Every statement the identity pipeline runs, prepared once per connection. */
export function prepareWriteStatements(db) {
    const keys = 'c.id AS id, c.user_id AS userId, c.email AS email';
    return {
        hasMessage: db
            .prepare(`SELECT 1 FROM events WHERE source = ? AND message_id = ?
         UNION ALL SELECT 1 FROM erased_messages WHERE source = ? AND message_id = ? LIMIT 1`)
            .pluck(),
        contactByUserId: db.prepare(`SELECT ${keys} FROM contacts c WHERE c.user_id = ?`),
        contactByEmail: db.prepare(`SELECT ${keys} FROM contacts c WHERE c.email = ?`),
        contactByAnonymousId: db.prepare(`SELECT ${keys} FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id WHERE a.anonymous_id = ?`),
        contactForMerge: db.prepare(`SELECT ${keys}, c.created_at AS createdAt FROM contacts c WHERE c.id = ?`),
        insertContact: db.prepare('INSERT INTO contacts (id, created_at, updated_at) VALUES (?, ?, ?)'),
        setUserId: db.prepare('UPDATE contacts SET user_id = ?, updated_at = ? WHERE id = ?'),
        setEmail: db.prepare('UPDATE contacts SET email = ?, updated_at = ? WHERE id = ?'),
        releaseClaims: db.prepare('UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ?'),
        absorbClaims: db.prepare(`UPDATE contacts SET user_id = coalesce(user_id, ?), email = coalesce(email, ?),
         created_at = min(created_at, ?), updated_at = ? WHERE id = ?`),
        touchContact: db.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?'),
        linkAnonymousId: db.prepare(`INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (?, ?, ?)
       ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`),
        insertEvent: db.prepare(`INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
         timestamp, original_timestamp, sent_at, received_at, identity)
       VALUES (@source, @messageId, @contactId, @type, @name, @anonymousId, @userId, @email, @properties, @context,
         @timestamp, @originalTimestamp, @sentAt, @receivedAt, @identity)`),
        bumpSummary: db.prepare(`INSERT INTO event_summaries (contact_id, name, count, first, last) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (contact_id, name) DO UPDATE SET
         count = count + 1, first = min(first, excluded.first), last = max(last, excluded.last)`),
        setAttribute: db.prepare(`INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= contact_attributes.updated_at`),
        merge: prepareMergeStatements(db),
    };
}
/** The steps of `mergeContacts` that move rows from one contact to the other. */
function prepareMergeStatements(db) {
    const prepare = (sql) => db.prepare(sql);
    // `AND true` lets SQLite parse an upsert whose source is a SELECT.
    return {
        events: prepare('UPDATE events SET contact_id = @into WHERE contact_id = @from'),
        anonymousIds: prepare('UPDATE anonymous_ids SET contact_id = @into WHERE contact_id = @from'),
        summaries: prepare(`INSERT INTO event_summaries (contact_id, name, count, first, last)
       SELECT @into, name, count, first, last FROM event_summaries WHERE contact_id = @from AND true
       ON CONFLICT (contact_id, name) DO UPDATE SET
         count = count + excluded.count, first = min(first, excluded.first), last = max(last, excluded.last)`),
        dropSummaries: prepare('DELETE FROM event_summaries WHERE contact_id = @from'),
        attributes: prepare(`INSERT INTO contact_attributes (contact_id, key, value, updated_at)
       SELECT @into, key, value, updated_at FROM contact_attributes WHERE contact_id = @from AND true
       ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= contact_attributes.updated_at`),
        dropAttributes: prepare('DELETE FROM contact_attributes WHERE contact_id = @from'),
        redirectEarlierMerges: prepare('UPDATE contact_merges SET into_id = @into WHERE into_id = @from'),
        recordMerge: prepare('INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (@from, @into, @at)'),
        dropContact: prepare('DELETE FROM contacts WHERE id = @from'),
    };
}
//# sourceMappingURL=sqlite-write-statements.js.map