import { createIdentity } from './identity/identity.js'
import { createStorage } from './identity/storage.js'
import { moveEvents } from './queue/move-events.js'
import { createQueue } from './queue/queue.js'
import { createDelivery } from './transport/delivery.js'
import { copyProperties } from './event/copy-properties.js'
import { createRecorder } from './event/recorder.js'
import type { Tracker, TrackerOptions } from './types.js'
import { createWarn, type Warn } from './warn.js'

/**
 * Creates a tracker. Nothing it does ever throws into the page: bad input is cleaned or
 * dropped (with a warning in `debug` mode) and every failure stays inside.
 *
 * @example
 * import { createTracker } from '@sillage/tracker'
 * const sillage = createTracker({ endpoint: 'https://collect.example.com', writeKey: 'wk_123' })
 * sillage.track('signup_started', { plan: 'pro' })
 */
export function createTracker(options: TrackerOptions): Tracker {
  // A plain copy: reading the page's options object can no longer throw below.
  const settings = copyProperties({}, options, () => {}) as Partial<TrackerOptions>
  const warn = createWarn(settings.debug)
  const methods = start(settings, warn) as unknown as Record<string, (...args: unknown[]) => unknown>
  const tracker = {} as typeof methods
  // Own keys only: a page may have added (and frozen) enumerable junk on Object.prototype.
  for (const name of Object.keys(methods)) {
    tracker[name] = (...args) => {
      try {
        return methods[name]!(...args)
      } catch {
        warn(name + '-failed')
      }
    }
  }
  try {
    for (const plugin of settings.plugins!) plugin(tracker as unknown as Tracker)
  } catch {
    // no plugins, or one failed: the tracker works without it
  }
  return tracker as unknown as Tracker
}

function start(options: Partial<TrackerOptions>, warn: Warn): Tracker {
  const { writeKey = '', endpoint = '' } = options
  if (!writeKey) warn('no-write-key')
  const name = 'sillage-' + writeKey
  const cookieless = options.persistence == 'cookieless'
  const queue = createQueue(name, options.maxQueueSize || 1000, warn, cookieless)
  const identity = createIdentity(
    createStorage(options.persistence, options.cookieDomain),
    (from, to) => moveEvents(queue, from, to),
    options,
  )
  // Opted out, or no consent yet: nothing is read from IndexedDB or sent.
  const paused = () => identity._optedOut() || identity._held()
  const delivery = createDelivery({
    _queue: queue,
    _warn: warn,
    _endpoint: ('' + endpoint).replace(/\/$/, ''),
    _writeKey: writeKey,
    _lockName: name,
    _flushAt: options.flushAt || 20,
    _flushInterval: options.flushInterval ?? 5000,
    _paused: paused,
  })

  const listen = (target: EventTarget, type: string, listener: () => void) =>
    target.addEventListener(type, () => {
      try {
        listener()
      } catch {
        // a listener error would surface in the page's error reporting
      }
    })
  // Server-side rendering: no page, no listeners (and no events: `track` fails quietly).
  if (typeof document == 'object') {
    listen(window, 'online', delivery._online)
    // Fired before every unload too (tab closed, navigation, app switched on mobile), where
    // `pagehide` is not reliable: the one signal needed.
    listen(document, 'visibilitychange', () => document.visibilityState == 'hidden' && delivery._hidden())
  }
  // Events a previous page left in the queue go out with the first timer.
  if (!paused()) delivery._added()

  return createRecorder(identity, queue, delivery, warn)
}
