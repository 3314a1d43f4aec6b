import { Hono } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { defaultTrackerScriptPath, trackerScriptFile } from '../tracker-script/tracker-script-file.js'

/**
 * `GET /sillage.js`: the tracker for the script tag. Cached for 5 minutes with an
 * ETag, so a site picks up a new tracker quickly and revalidation costs a 304.
 *
 * @example
 * app.route('/', trackerScriptRoute({ trackerScriptPath: undefined }))
 */
export function trackerScriptRoute(options: { trackerScriptPath: string | undefined }): Hono<CollectorEnv> {
  const script = trackerScriptFile(options.trackerScriptPath ?? defaultTrackerScriptPath())
  const app = new Hono<CollectorEnv>()
  app.get('/sillage.js', async (c) => {
    const current = await script.load()
    if (!current) {
      throw new ApiError(404, 'tracker_not_built', `tracker not built: run npm run build (looked for ${script.path})`)
    }
    const headers = {
      'Cache-Control': 'public, max-age=300',
      ETag: current.etag,
      // Lets sites load it with crossorigin="anonymous" (SRI, error reporting).
      'Access-Control-Allow-Origin': '*',
    }
    const presented = c.req
      .header('If-None-Match')
      ?.split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
    if (presented?.includes(current.etag) || presented?.includes('*')) return c.body(null, 304, headers)
    return c.body(new Uint8Array(current.body), 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' })
  })
  return app
}
