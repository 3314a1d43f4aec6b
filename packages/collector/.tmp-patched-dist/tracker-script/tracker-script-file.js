import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
/**
 * Where the built tracker IIFE lives: the installed `@sillage/tracker` package when it
 * resolves, else the monorepo's `packages/tracker/dist/sillage.js` (this file sits in
 * `packages/collector/{src,dist}/tracker-script/` in both cases).
 */
export function defaultTrackerScriptPath() {
    try {
        return createRequire(import.meta.url).resolve('@sillage/tracker/sillage.js');
    }
    catch {
        return fileURLToPath(new URL('../../../tracker/dist/sillage.js', import.meta.url));
    }
}
/**
 * The tracker script, read from disk and kept in memory until the file changes (a
 * rebuild while the collector runs is picked up on the next request). Null when the
 * file does not exist yet.
 *
 * @example
 * const script = trackerScriptFile('/srv/sillage.js')
 * const current = await script.load() // { body, etag } or null
 */
export function trackerScriptFile(path) {
    let cached = null;
    return {
        path,
        async load() {
            const info = await stat(path).catch(() => null);
            if (!info?.isFile())
                return null;
            const version = `${info.mtimeMs}:${info.size}`;
            if (cached?.version !== version) {
                const body = await readFile(path);
                cached = { body, version, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
            }
            return cached;
        },
    };
}
//# sourceMappingURL=tracker-script-file.js.map