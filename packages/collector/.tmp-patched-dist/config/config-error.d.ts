/** A flag or environment variable the collector cannot start with; the CLI prints it and exits 2. */
export declare class ConfigError extends Error {
    readonly name = "ConfigError";
}
//# sourceMappingURL=config-error.d.ts.map