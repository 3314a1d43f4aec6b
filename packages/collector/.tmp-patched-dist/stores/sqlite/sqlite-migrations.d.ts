import type { Database } from 'better-sqlite3';
interface Migration {
    version: number;
    name: string;
    sql: string;
}
/**
 * The schema, one versioned step at a time. Never edit a released step: add one.
 * Identity columns are UNIQUE so that the database itself refuses a second contact for
 * the same userId, email or anonymousId, whatever the code above it does.
 */
export declare const sqliteMigrations: readonly Migration[];
/**
 * Brings the file's schema up to date. Each step runs in its own IMMEDIATE transaction
 * and re-reads the version inside it, so two collectors starting on one file at once
 * apply each step exactly once (the second waits on busy_timeout, then finds it done).
 *
 * @example
 * migrateSqlite(db) // on open, before anything else
 */
export declare function migrateSqlite(db: Database): void;
export {};
//# sourceMappingURL=sqlite-migrations.d.ts.map