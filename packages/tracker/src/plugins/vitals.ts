import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals'
import type { Plugin } from '../types.js'

/**
 * Core Web Vitals (CLS, FCP, INP, LCP, TTFB) as `web_vitals` events with the metric's
 * `name`, `value`, `rating` and `id`. Needs the `web-vitals` package (an optional peer).
 *
 * @example
 * import { createTracker } from '@sillage/tracker'
 * import { vitals } from '@sillage/tracker/vitals'
 * createTracker({ writeKey, endpoint, plugins: [vitals()] })
 */
export function vitals(): Plugin {
  return (tracker) => {
    const report = ({ name, value, rating, id }: Metric) => tracker.track('web_vitals', { name, value, rating, id })
    for (const observe of [onCLS, onFCP, onINP, onLCP, onTTFB]) observe(report)
  }
}
