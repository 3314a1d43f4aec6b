import type { CollectorMetrics } from '../metrics/collector-metrics.js'
import type { RateLimitOptions } from '../middleware/rate-limit/index.js'
import type { ServerLaneOptions } from '../middleware/server-lane/index.js'
import type { IpStorage } from '../normalise/stored-address.js'
import type { DailySalts } from '../privacy/daily-salts.js'
import type { ExportSections } from '../privacy/export-sections.js'
import type { Store } from '../stores/store.js'

/** What every route module needs from `createCollector`, already defaulted. */
export interface RouteDeps {
  store: Store
  metrics: CollectorMetrics
  writeKeys: readonly string[]
  secretKey: string
  allowedOrigins: readonly string[]
  identitySecret: string | undefined
  rateLimit: RateLimitOptions | false
  serverLane: ServerLaneOptions | false
  trustProxy: boolean
  ipStorage: IpStorage
  trackerScriptPath: string | undefined
  /** The collector's clock; tests pin it to check the skew rule. */
  now: () => Date
  /** The cookieless salt of each UTC day, shared through the store. */
  dailySalts: DailySalts
  /** What other features keep about a contact, for its personal-data export. */
  exportSections: ExportSections
  /** Aborted when the process begins to stop: long polls and live streams end at once. */
  shutdown: AbortSignal
}
