import { Hono } from 'hono'
import type { CollectorEnv } from './collector-env.js'
import { consoleApp } from './console/index.js'
import type { HeartbeatClock } from './console/live/heartbeat-clock.js'
import { createCollectorMetrics } from './metrics/collector-metrics.js'
import { errorHandler, notFoundHandler } from './middleware/error-handler/index.js'
import type { RateLimitOptions } from './middleware/rate-limit/index.js'
import type { ServerLaneOptions } from './middleware/server-lane/index.js'
import type { IpStorage } from './normalise/stored-address.js'
import { requestMetrics } from './middleware/request-metrics/index.js'
import { DailySalts } from './privacy/daily-salts.js'
import type { ExportSections } from './privacy/export-sections.js'
import { storedExportSections } from './privacy/stored-export-sections.js'
import { storeDailySalt } from './privacy/store-daily-salt.js'
import { automationRoutes } from './routes/automation-routes.js'
import { brevoRoutes } from './routes/brevo-routes.js'
import { changeRoutes } from './routes/change-routes.js'
import { deliveryRoutes } from './routes/delivery-routes.js'
import { healthRoutes } from './routes/health-routes.js'
import { libraryMetricsRoute } from './routes/library-metrics-route.js'
import { openApiRoute } from './routes/openapi-route.js'
import { privacyRoutes } from './routes/privacy-routes.js'
import { readRoutes } from './routes/read-routes.js'
import type { RouteDeps } from './routes/route-deps.js'
import { receiptsRoute } from './routes/receipts-route.js'
import { segmentDefinitionRoutes } from './routes/segment-definition-routes.js'
import { segmentRoutes } from './routes/segment-routes.js'
import { trackerScriptRoute } from './routes/tracker-script-route.js'
import { webhookRoutes } from './routes/webhook-routes.js'
import type { Store } from './stores/store.js'

export interface CollectorOptions {
  /** An opened store (`await store.open()` first); the app never opens or closes it. */
  store: Store
  /** Public keys for browser and server ingestion; at least one. */
  writeKeys: readonly string[]
  /** Private key of the read/admin API, also accepted for ingestion and as Brevo `api-key`. */
  secretKey: string
  /** Origins allowed to send events from a browser. Default `['*']`. */
  allowedOrigins?: readonly string[]
  /** Turns on identity verification (docs/identity.md). */
  identitySecret?: string
  /**
   * Browser requests (with an `Origin`), per source key and client address; `false` turns
   * it off. Default: bursts of 500, then 50/s.
   */
  rateLimit?: RateLimitOptions | false
  /**
   * Server requests (no `Origin`, or the secret key) are never refused for their rate;
   * a burst takes turns, a few requests at a time per caller. Default: 8 at once, 10,000 waiting.
   */
  serverLane?: ServerLaneOptions | false
  /** The tracker IIFE served at `/sillage.js`. Default: the built `@sillage/tracker`. */
  trackerScriptPath?: string
  /** Take the client address from `X-Forwarded-For` (only behind a proxy you control). Default false. */
  trustProxy?: boolean
  /** How much of the client address is stored in `context.ip`. Default `truncated` (the network, not the host). */
  ipStorage?: IpStorage
  /** Where unexpected errors are logged. Default `console.error`. */
  log?: (message: string, error: unknown) => void
  /** The collector's clock. Default: the system clock. */
  now?: () => Date
  /** What other features keep about a contact, for `GET /v1/contacts/:id/export`. Default: none. */
  exportSections?: ExportSections
  /** Drives the console live view's heartbeat (tests tick it by hand). Default: `setInterval`. */
  heartbeatClock?: HeartbeatClock
  /** Accept webhook endpoints on private, loopback and link-local addresses. Default false. */
  webhookAllowPrivate?: boolean
  /** Called after a delivery is replayed, to wake the delivery worker (see `AutomationRuntime`). */
  onDeliveryReplayed?: () => void
  /** Told when a segment is created or edited (e.g. `SegmentUpkeep.segmentsSaved`), to compute it at once. */
  onSegmentsSaved?: () => void
  /**
   * Abort it when the process begins to stop: `/v1/changes` long polls answer what they have
   * and the console's live streams end (browsers reconnect), so a graceful stop does not wait
   * out requests that would idle for up to 30 s. Default: never aborted.
   */
  shutdown?: AbortSignal
}

/**
 * The collector as a Hono app: ingestion (Segment and Brevo shapes), the read API,
 * `/healthz`, `/metrics`, `/sillage.js`, `/openapi.json` and the web console at `/console`.
 * Serve it with `@hono/node-server` or call `app.request()` in tests.
 *
 * @example
 * const store = createStore('sqlite:./data/sillage.db')
 * await store.open()
 * const app = createCollector({ store, writeKeys: ['wk_live_1'], secretKey: process.env.SILLAGE_SECRET_KEY! })
 * serve({ fetch: app.fetch, port: 8787 })
 */
export function createCollector(options: CollectorOptions): Hono<CollectorEnv> {
  if (!options.secretKey) throw new Error('createCollector: secretKey is required')
  if (options.writeKeys.length === 0) throw new Error('createCollector: give at least one write key')
  if (options.writeKeys.includes(options.secretKey))
    throw new Error('createCollector: the secret key must differ from every write key (write keys are public)')
  const deps: RouteDeps = {
    store: options.store,
    metrics: createCollectorMetrics(),
    writeKeys: options.writeKeys,
    secretKey: options.secretKey,
    allowedOrigins: options.allowedOrigins ?? ['*'],
    identitySecret: options.identitySecret || undefined,
    rateLimit: options.rateLimit ?? {},
    serverLane: options.serverLane ?? {},
    trustProxy: options.trustProxy ?? false,
    ipStorage: options.ipStorage ?? 'truncated',
    trackerScriptPath: options.trackerScriptPath,
    now: options.now ?? (() => new Date()),
    dailySalts: new DailySalts(storeDailySalt(options.store)),
    exportSections: options.exportSections ?? storedExportSections(options.store),
    shutdown: options.shutdown ?? new AbortController().signal,
  }
  const app = new Hono<CollectorEnv>()
  app.use('*', requestMetrics(deps.metrics.requests))
  app.route('/', segmentRoutes(deps))
  app.route('/', libraryMetricsRoute(deps))
  app.route('/', receiptsRoute(deps))
  app.route('/', brevoRoutes(deps))
  app.route('/', privacyRoutes(deps))
  app.route('/', readRoutes(deps))
  app.route('/', segmentDefinitionRoutes({ ...deps, onSegmentsSaved: options.onSegmentsSaved }))
  app.route('/', changeRoutes(deps))
  app.route('/', automationRoutes(deps))
  app.route('/', webhookRoutes({ ...deps, allowPrivateWebhooks: options.webhookAllowPrivate ?? false }))
  app.route('/', deliveryRoutes({ ...deps, onReplay: options.onDeliveryReplayed }))
  app.route('/', healthRoutes(deps))
  app.route('/', trackerScriptRoute(deps))
  app.route('/', openApiRoute())
  const automations = {
    allowPrivateWebhooks: options.webhookAllowPrivate ?? false,
    onDeliveryReplayed: options.onDeliveryReplayed,
  }
  app.route(
    '/console',
    consoleApp({
      ...deps,
      log: options.log,
      heartbeatClock: options.heartbeatClock,
      onSegmentsSaved: options.onSegmentsSaved,
      automations,
    }),
  )
  app.notFound(notFoundHandler)
  app.onError(errorHandler({ log: options.log, onStoreError: () => deps.metrics.storeErrors.inc() }))
  return app
}
