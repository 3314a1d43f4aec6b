/** Reports a problem in the host page's use of the tracker; never throws. */
export type Warn = (message: string) => void

/**
 * A `console.warn` that speaks only in debug mode, and once per code. Codes (`queue-full`,
 * `refused-400`…) keep the bundle small; README, "Debugging", says what each means and
 * what to do.
 *
 * @example
 * const warn = createWarn(true)
 * warn('no-event-name') // logs "[sillage] no-event-name"
 * warn('no-event-name') // silent
 */
export function createWarn(debug: boolean | undefined): Warn {
  const said: Record<string, 1> = {}
  return (message) => {
    if (debug && !said[message]) {
      said[message] = 1
      try {
        console.warn('[sillage]', message)
      } catch {
        // a page that broke console must not break us
      }
    }
  }
}
