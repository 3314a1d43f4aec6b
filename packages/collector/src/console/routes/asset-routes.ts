import { Hono } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { CONSOLE_FAVICON_SVG } from '../assets/console-favicon.js'
import { CONSOLE_ASSET_NAMES, type ConsoleAssetFiles, type ConsoleAssetName } from '../assets/console-asset-files.js'

const CONTENT_TYPES: Record<ConsoleAssetName, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
}

/**
 * `GET /console/assets/console.{js,css}` and `favicon.svg`, public (the sign-in page needs
 * them). Asked for
 * with the current `?v=` (as every page links them) they are cached for a year;
 * otherwise for 5 minutes, revalidated by ETag.
 *
 * @example
 * app.route('/assets', assetRoutes({ assets }))
 */
export function assetRoutes(options: { assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { assets } = options
  const app = new Hono<CollectorEnv>()
  app.get('/favicon.svg', (c) =>
    c.body(CONSOLE_FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
  )
  app.get('/:name', async (c) => {
    const name = c.req.param('name') as ConsoleAssetName
    if (!CONSOLE_ASSET_NAMES.includes(name)) throw new ApiError(404, 'not_found', `No console asset named ${name}.`)
    const file = await assets.load(name)
    if (!file) {
      const message = `console assets not built: run npm run build (looked in ${assets.dir})`
      throw new ApiError(404, 'console_not_built', message)
    }
    const current = c.req.query('v') === (await assets.version())
    const headers = {
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ETag: file.etag,
    }
    const presented = c.req
      .header('If-None-Match')
      ?.split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
    if (presented?.includes(file.etag)) return c.body(null, 304, headers)
    return c.body(new Uint8Array(file.body), 200, { ...headers, 'Content-Type': CONTENT_TYPES[name] })
  })
  return app
}
