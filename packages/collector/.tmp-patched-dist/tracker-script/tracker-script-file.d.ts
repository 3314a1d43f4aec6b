export interface TrackerScript {
    body: Buffer;
    etag: string;
}
/**
 * Where the built tracker IIFE lives: the installed `@sillage/tracker` package when it
 * resolves, else the monorepo's `packages/tracker/dist/sillage.js` (this file sits in
 * `packages/collector/{src,dist}/tracker-script/` in both cases).
 */
export declare function defaultTrackerScriptPath(): string;
/**
 * The tracker script, read from disk and kept in memory until the file changes (a
 * rebuild while the collector runs is picked up on the next request). Null when the
 * file does not exist yet.
 *
 * @example
 * const script = trackerScriptFile('/srv/sillage.js')
 * const current = await script.load() // { body, etag } or null
 */
export declare function trackerScriptFile(path: string): {
    path: string;
    load(): Promise<TrackerScript | null>;
};
//# sourceMappingURL=tracker-script-file.d.ts.map