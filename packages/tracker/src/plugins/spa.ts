import type { Plugin } from '../types.js'

const withoutHash = (url: string) => url.split('#')[0]

/**
 * Page views for single-page apps: a `page()` after each `pushState`, `replaceState`
 * and `popstate` that changes the URL (hash changes and same-URL updates do not count).
 * The page view is recorded on the next task, once the router has set the new title.
 *
 * @example
 * import { createTracker } from '@sillage/tracker'
 * import { spa } from '@sillage/tracker/spa'
 * createTracker({ writeKey, endpoint, plugins: [spa()] })
 */
export function spa(): Plugin {
  return (tracker) => {
    let last = withoutHash(location.href)
    const check = () =>
      setTimeout(() => {
        const url = withoutHash(location.href)
        if (url != last) {
          last = url
          tracker.page()
        }
      })
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method]
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args)
        try {
          check()
        } catch {
          // the page's navigation must go on whatever happens here
        }
        return result
      }
    }
    addEventListener('popstate', check)
  }
}
