import type { Sql } from 'postgres';
interface Migration {
    version: number;
    name: string;
    sql: string;
}
/**
 * The schema, one versioned step at a time. Never edit a released step: add one.
 * UNIQUE identity columns make the database refuse a second contact for one userId,
 * email or anonymousId even when several collectors race; the foreign keys make a
 * transaction that wrote to a contact merged away meanwhile fail (and retry) instead of
 * leaving orphans. `json`, not `jsonb`: kept byte for byte, and `\u0000` is accepted.
 */
export declare const postgresMigrations: readonly Migration[];
/**
 * Creates the schema (when the URL names one) and applies pending steps, all in one
 * transaction under a transaction-level advisory lock: when several collectors start at
 * once, one migrates and the others wait, then find nothing left to do.
 *
 * @example
 * await migratePostgres(sql, 'sillage')
 */
export declare function migratePostgres(sql: Sql, schema: string | null): Promise<void>;
export {};
//# sourceMappingURL=postgres-migrations.d.ts.map