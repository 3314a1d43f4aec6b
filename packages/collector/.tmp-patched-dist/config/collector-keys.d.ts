export interface CollectorKeys {
    writeKeys: string[];
    secretKey: string;
    /** Which keys came from the data dir (generated now or on an earlier start). */
    fromKeyFile: {
        writeKey: boolean;
        secretKey: boolean;
    };
    keyFile: string;
}
/**
 * The data dir: the SQLite file's folder, or `./data` for the other stores.
 *
 * @example
 * dataDirOf('sqlite:/var/lib/sillage/events.db') // '/var/lib/sillage'
 */
export declare function dataDirOf(storeUrl: string): string;
/**
 * The keys to start with: those given on the command line, else the ones kept in
 * `<data dir>/sillage-keys.json`, else freshly generated ones written there (mode 600)
 * so that a restart keeps the keys already pasted into pages and scripts.
 *
 * @example
 * const keys = await resolveCollectorKeys('./data', { writeKeys: null, secretKey: null })
 */
export declare function resolveCollectorKeys(dataDir: string, given: {
    writeKeys: string[] | null;
    secretKey: string | null;
}): Promise<CollectorKeys>;
//# sourceMappingURL=collector-keys.d.ts.map