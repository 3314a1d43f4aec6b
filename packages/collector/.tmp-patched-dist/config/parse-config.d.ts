export interface CollectorConfig {
    port: number;
    host: string;
    store: string;
    /** Null: none given, use (or generate) the dev key kept in the data dir. */
    writeKeys: string[] | null;
    /** Null: none given, use (or generate) the one kept in the data dir. */
    secretKey: string | null;
    allowedOrigins: string[];
    identitySecret: string | undefined;
    trustProxy: boolean;
    /** Sustained requests per second per write key and client address; 0 turns rate limiting off. */
    rateLimit: number;
}
/** Every flag with its env twin (CONTRACT §2), plus `--trust-proxy` and `--rate-limit` for deployments that take real traffic. */
declare const flags: {
    readonly port: {
        readonly env: "SILLAGE_PORT";
        readonly default: "8787";
    };
    readonly host: {
        readonly env: "SILLAGE_HOST";
        readonly default: "127.0.0.1";
    };
    readonly store: {
        readonly env: "SILLAGE_STORE";
        readonly default: "sqlite:./data/sillage.db";
    };
    readonly 'write-keys': {
        readonly env: "SILLAGE_WRITE_KEYS";
        readonly default: "";
    };
    readonly 'secret-key': {
        readonly env: "SILLAGE_SECRET_KEY";
        readonly default: "";
    };
    readonly 'allowed-origins': {
        readonly env: "SILLAGE_ALLOWED_ORIGINS";
        readonly default: "*";
    };
    readonly 'identity-secret': {
        readonly env: "SILLAGE_IDENTITY_SECRET";
        readonly default: "";
    };
    readonly 'trust-proxy': {
        readonly env: "SILLAGE_TRUST_PROXY";
        readonly default: "false";
    };
    readonly 'rate-limit': {
        readonly env: "SILLAGE_RATE_LIMIT";
        readonly default: "50";
    };
};
export type FlagName = keyof typeof flags;
/**
 * Command-line flags, then their environment twins, then the defaults. Throws a
 * `ConfigError` naming the flag and what to pass instead; returns `'help'` for --help.
 *
 * @example
 * parseConfig(['--port', '9000'], { SILLAGE_STORE: 'memory:' }) // { port: 9000, store: 'memory:', … }
 */
export declare function parseConfig(argv: readonly string[], env: Record<string, string | undefined>): CollectorConfig | 'help';
export {};
//# sourceMappingURL=parse-config.d.ts.map