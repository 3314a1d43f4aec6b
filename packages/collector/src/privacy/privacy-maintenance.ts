import type { Transactional } from '../transaction/store-transaction.js'
import { type Expired, expireEvents } from './expire-events.js'
import { type Scheduler, timerScheduler } from './scheduler.js'
import { storeDailySalt } from './store-daily-salt.js'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

export interface PrivacyMaintenanceOptions {
  store: Transactional
  /** Events older than this many days are deleted; 0 keeps them forever. */
  retentionDays: number
  /** The collector's clock. */
  now: () => Date
  /** Default: real timers. */
  scheduler?: Scheduler
  /** Where a failed run is reported (the next run tries again). Default `console.error`. */
  log?: (message: string, error: unknown) => void
  /** Rows per retention transaction, and the wait between them (see `expireEvents`). */
  batchSize?: number
  pause?: (batchMs: number) => Promise<void>
}

/**
 * The collector's privacy housekeeping, at start and then hourly: deletes the earlier
 * days' cookieless salts (by loading today's, so a day's salt is gone within the hour
 * after it ends even when no cookieless visitor comes), and, with a retention window,
 * the events past it. Runs never overlap.
 *
 * @example
 * const maintenance = new PrivacyMaintenance({ store, retentionDays: 90, now: () => new Date() })
 * const stop = maintenance.start()
 */
export class PrivacyMaintenance {
  private running: Promise<Expired> | null = null
  private readonly loadSalt

  constructor(private readonly options: PrivacyMaintenanceOptions) {
    this.loadSalt = storeDailySalt(options.store)
  }

  /** One pass now (or the pass under way); resolves to what retention deleted. */
  run(): Promise<Expired> {
    this.running ??= this.pass().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** Runs now, then every hour; returns the function that stops it. */
  start(): () => void {
    const { scheduler = timerScheduler, log = (message, error) => console.error(message, error) } = this.options
    const runLogged = () => {
      this.run().catch((error: unknown) => log('sillage: privacy maintenance failed (retried within the hour):', error))
    }
    runLogged()
    return scheduler.every(HOUR_MS, runLogged)
  }

  private async pass(): Promise<Expired> {
    const { store, retentionDays, now, batchSize, pause } = this.options
    const at = now()
    await this.loadSalt(at.toISOString().slice(0, 10))
    if (retentionDays === 0) return { events: 0, changes: 0 }
    const before = new Date(at.getTime() - retentionDays * DAY_MS).toISOString()
    return expireEvents(store, {
      before,
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(pause ? { pause } : {}),
    })
  }
}
