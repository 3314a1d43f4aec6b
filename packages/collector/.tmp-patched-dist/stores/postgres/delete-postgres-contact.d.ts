import type { TransactionSql } from 'postgres';
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
export declare function deletePostgresContact(sql: TransactionSql, id: string): Promise<boolean>;
//# sourceMappingURL=delete-postgres-contact.d.ts.map