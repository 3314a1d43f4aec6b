import type { Database } from 'better-sqlite3';
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
export declare function deleteSqliteContact(db: Database, id: string): boolean;
//# sourceMappingURL=delete-sqlite-contact.d.ts.map