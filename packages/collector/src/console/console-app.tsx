import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { trimTrailingSlash } from 'hono/trailing-slash'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import type { RouteDeps } from '../routes/route-deps.js'
import { InvalidCursorError, StoreUnavailableError } from '../stores/store.js'
import { consoleAssetFiles, defaultConsoleAssetDir } from './assets/console-asset-files.js'
import type { ConsoleDeps } from './console-deps.js'
import type { HeartbeatClock } from './live/heartbeat-clock.js'
import { liveEventsRoute } from './live/live-events-route.js'
import { ErrorPage } from './pages/error-page.js'
import { assetRoutes } from './routes/asset-routes.js'
import { automationsRoutes } from './routes/automations-routes.js'
import { contactsRoutes } from './routes/contacts-routes.js'
import { eventsRoutes } from './routes/events-routes.js'
import { overviewRoute } from './routes/overview-route.js'
import { renderConsolePage } from './routes/render-console-page.js'
import { segmentsRoutes } from './routes/segments-routes.js'
import { signInRoutes } from './routes/sign-in-routes.js'
import type { WebhooksRoutesOptions } from './routes/webhooks-routes.js'
import {
  currentSession,
  requireSession,
  sameOriginOnly,
  securityHeaders,
  signedOutSessions,
  signInAttempts,
} from './session/index.js'

const formTooLarge = () => {
  throw new ApiError(413, 'payload_too_large', 'Form too large: console forms hold a few fields only.')
}

export interface ConsoleAppOptions extends RouteDeps {
  /** Where the built `console.js` and `console.css` are. Default: this package's `dist/console-assets/`. */
  consoleAssetDir?: string
  /** Where unexpected errors are logged. Default `console.error`. */
  log?: (message: string, error: unknown) => void
  /** Drives the live view's heartbeat (tests tick it by hand). Default: `setInterval`. */
  heartbeatClock?: HeartbeatClock
  /** Told when the console saves a segment, so its computation starts at once. */
  onSegmentsSaved?: () => void
  /** The webhook address rule (`--webhook-allow-private`) and the delivery worker's wake-up. */
  automations?: Pick<WebhooksRoutesOptions, 'allowPrivateWebhooks' | 'onDeliveryReplayed'>
}

/**
 * The web console, to mount at `/console`: sign-in with the secret key, then the overview,
 * the event log, contacts and automations, rendered on the server from the same store
 * calls as the read API.
 *
 * @example
 * app.route('/console', consoleApp({ ...deps, log }))
 */
export function consoleApp(options: ConsoleAppOptions): Hono<CollectorEnv> {
  const deps: ConsoleDeps = {
    ...options,
    signedOut: signedOutSessions(),
    signInAttempts: signInAttempts(),
  }
  const assets = consoleAssetFiles(options.consoleAssetDir ?? defaultConsoleAssetDir())
  const log = options.log ?? ((message, error) => console.error(message, error))
  const app = new Hono<CollectorEnv>()
  app.use('*', securityHeaders())
  app.use('*', sameOriginOnly(deps))
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: formTooLarge }))
  // `/console/` and `/console/events/` are typed by hand: send them to the page they mean.
  app.use('*', trimTrailingSlash())
  app.route('/assets', assetRoutes({ assets }))
  app.route('/', signInRoutes({ deps, assets }))
  // Everything registered from here on needs a session.
  app.use('*', requireSession(deps))
  app.route('/', overviewRoute({ deps, assets }))
  app.route('/', eventsRoutes({ deps, assets }))
  app.route('/', liveEventsRoute({ deps, log, clock: options.heartbeatClock }))
  app.route('/', contactsRoutes({ deps, assets }))
  app.route('/', segmentsRoutes({ deps, assets, onSegmentsSaved: options.onSegmentsSaved }))
  app.route('/', automationsRoutes({ deps, assets, allowPrivateWebhooks: false, ...options.automations }))
  app.all('*', (c) => {
    throw new ApiError(404, 'not_found', `The console has no page at ${c.req.path}.`)
  })

  app.onError(async (error, c) => {
    let status = 500
    let message = 'The console failed unexpectedly; the error is in the collector log. Reload to retry.'
    if (error instanceof HTTPException) [status, message] = [error.status, error.message || 'Request refused.']
    else if (error instanceof InvalidCursorError) {
      ;[status, message] = [400, 'That page link is no longer valid: start again from the first page.']
    } else if (error instanceof StoreUnavailableError) {
      options.metrics.storeErrors.inc()
      log('sillage: store unavailable:', error)
      ;[status, message] = [503, 'The event store is unavailable right now. Reload in a few seconds.']
    } else log(`sillage: unexpected error on ${c.req.method} ${c.req.path}:`, error)
    const response = await renderConsolePage(
      c,
      { assets, title: 'Error', signedIn: currentSession(c, deps) !== null, status: status as 400 },
      <ErrorPage status={status} message={message} />,
    )
    if (status === 503) response.headers.set('Retry-After', '5')
    return response
  })
  return app
}
