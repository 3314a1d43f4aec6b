import { FeedFollower } from '../feed/feed-follower.js'
import type { Store } from '../stores/store.js'
import { createEndpointLimiter, type EndpointLimiter } from '../webhooks/endpoint-limiter.js'
import { deliverDueMessages } from './deliveries/deliver-due-messages.js'
import { DueScheduler } from './due-scheduler.js'
import { AutomationEngine } from './engine/automation-engine.js'
import { fireDueTimers } from './engine/fire-due-timers.js'
import type { SegmentMembership } from './engine/segment-membership.js'

export interface AutomationRuntimeOptions {
  store: Store
  /** `--webhook-allow-private`. */
  allowPrivate: boolean
  /** Answers `if` conditions that name a segment (the segments feature); without it, a contact is in none. */
  segments?: SegmentMembership
  now?: () => Date
  limiter?: EndpointLimiter
  random?: () => number
  onError?: (error: unknown) => void
}

/**
 * Everything that makes automations run in a collector: the engine following the change
 * feed, the scheduler that fires timers, the worker that delivers webhook messages. Each
 * commit of the engine wakes both schedulers, which otherwise sleep until their next due
 * record. `runDue()` does one pass of everything by hand, for tests with their own clock.
 *
 * @example
 * const automations = new AutomationRuntime({ store, allowPrivate: false })
 * automations.start()
 * await automations.stop()
 */
export class AutomationRuntime {
  readonly follower: FeedFollower
  readonly timers: DueScheduler
  readonly deliveries: DueScheduler
  private readonly fireTimers: () => Promise<number>
  private readonly deliver: () => Promise<number>

  constructor(options: AutomationRuntimeOptions) {
    const { store, allowPrivate, random, onError, segments } = options
    const now = options.now ?? (() => new Date())
    const limiter = options.limiter ?? createEndpointLimiter()
    const engine = new AutomationEngine({ reads: store, segments, now })
    // The engine's commits add timers and messages: wake the schedulers right after each.
    this.follower = new FeedFollower({
      source: store,
      consumer: engine,
      onBatch: () => this.poke(),
      ...(onError ? { onError } : {}),
    })
    this.fireTimers = () =>
      fireDueTimers({ store, reads: store, segments, now }).then((fired) => {
        if (fired > 0) this.deliveries.poke()
        return fired
      })
    this.deliver = () => deliverDueMessages({ store, limiter, now, allowPrivate, random })
    this.timers = new DueScheduler({ store, kind: 'timer', runDue: this.fireTimers, now, onError })
    this.deliveries = new DueScheduler({ store, kind: 'delivery', runDue: this.deliver, now, onError })
  }

  start(): void {
    this.follower.start()
    this.timers.start()
    this.deliveries.start()
  }

  async stop(): Promise<void> {
    await Promise.all([this.follower.stop(), this.timers.stop(), this.deliveries.stop()])
  }

  /** Something may have come due: both schedulers look again. */
  poke(): void {
    this.timers.poke()
    this.deliveries.poke()
  }

  /**
   * One pass by hand: the feed handled to its end, then the timers and the messages due now.
   *
   * @example
   * clock.advance(2 * HOUR); await automations.runDue()
   */
  async runDue(): Promise<void> {
    await this.follower.catchUp()
    while ((await this.fireTimers()) > 0);
    await this.deliver()
  }
}
