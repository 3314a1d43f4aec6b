/** A flag or environment variable the collector cannot start with; the CLI prints it and exits 2. */
export class ConfigError extends Error {
    name = 'ConfigError';
}
//# sourceMappingURL=config-error.js.map