export interface PostgresStoreOptions {
    /** The connection string handed to the driver, without Sillage's own parameters. */
    connectionUrl: string;
    /** Pool size per collector process. */
    max: number;
    /** Schema to create and use (search_path); null = the server's default (`public`). */
    schema: string | null;
    /** What `--store` prints: the URL with the password hidden. */
    description: string;
}
export declare const defaultPoolSize = 10;
/**
 * Reads Sillage's parameters off a `postgres://` URL: `max` (pool size, default 10) and
 * `schema`. Everything else (sslmode, application_name…) is left for the driver.
 *
 * @example
 * parsePostgresUrl('postgres://sillage:pw@db:5432/events?max=20&schema=tracking')
 * // → { max: 20, schema: 'tracking', description: 'postgres://sillage:***@db:5432/events?max=20&schema=tracking', … }
 */
export declare function parsePostgresUrl(url: string): PostgresStoreOptions;
//# sourceMappingURL=parse-postgres-url.d.ts.map