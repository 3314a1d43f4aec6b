import { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
/**
 * `GET /sillage.js`: the tracker for the script tag. Cached for 5 minutes with an
 * ETag, so a site picks up a new tracker quickly and revalidation costs a 304.
 *
 * @example
 * app.route('/', trackerScriptRoute({ trackerScriptPath: undefined }))
 */
export declare function trackerScriptRoute(options: {
    trackerScriptPath: string | undefined;
}): Hono<CollectorEnv>;
//# sourceMappingURL=tracker-script-route.d.ts.map