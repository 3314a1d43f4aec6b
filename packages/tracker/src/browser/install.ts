import { createTracker } from '../tracker.js'
import type { Tracker, TrackerOptions } from '../types.js'
import { brevoCommand } from './brevo.js'

/** Options of the script tag: the tracker's, plus the automatic page view. */
export interface ScriptOptions extends TrackerOptions {
  /** Record `page_visited` when the tracker starts. Default true (`data-auto-page="false"` turns it off). */
  autoPage?: boolean
}

const METHODS = [
  'track',
  'page',
  'identify',
  'cartUpdated',
  'cartDeleted',
  'orderCompleted',
  'flush',
  'reset',
  'optOut',
  'optIn',
  'consent',
]

/** A boolean attribute: present (`data-debug`, `data-debug="true"`) unless `"false"`. */
const isOn = (value: string | undefined) => value != null && value != 'false'

const queued = (value: unknown): unknown[][] =>
  Array.isArray(value) ? value.filter((command): command is unknown[] => Array.isArray(command)) : []

/**
 * The script tag's start: reads the `data-*` attributes of its `<script>`, starts a tracker
 * (once a write key is known, from `data-write-key` or an `init` command), replays the
 * commands queued in `window.sillage` and `window.Brevo` in order, and replaces both with
 * objects whose `push` (and, for `sillage`, methods) keep working.
 *
 * @example
 * installSnippet() // what sillage.js does when it loads
 */
export function installSnippet(): void {
  try {
    const page = window as unknown as Record<string, any>
    if (page.sillage && !Array.isArray(page.sillage)) return // loaded twice
    const script = (document.currentScript ||
      document.querySelector('script[data-write-key]')) as HTMLScriptElement | null
    const data: Record<string, string | undefined> = script ? script.dataset : {}
    let options: ScriptOptions = {
      writeKey: data.writeKey!,
      endpoint: data.endpoint ?? (script && script.src ? new URL(script.src).origin : ''),
      autoPage: data.autoPage != 'false',
      debug: isOn(data.debug),
      requireConsent: isOn(data.requireConsent),
      persistence: data.persistence as ScriptOptions['persistence'],
      cookieDomain: data.cookieDomain,
    }
    const commands = queued(page.sillage)
    const brevoCommands = queued(page.Brevo)
    let tracker: Tracker | undefined
    const waiting: (() => void)[] = []
    const whenStarted = (call: (tracker: Tracker) => unknown) => {
      const run = () => {
        try {
          return call(tracker!)
        } catch {
          // a malformed command is skipped, never thrown into the page
        }
      }
      return tracker ? run() : void waiting.push(run)
    }
    const start = () => {
      if (tracker || !options.writeKey) return
      tracker = createTracker(options)
      if (options.autoPage) tracker.page()
      for (const call of waiting.splice(0)) call()
    }
    const push = (command: unknown): unknown => {
      if (!Array.isArray(command)) return
      const [name, ...args] = command as [string, ...unknown[]]
      if (name == 'init') {
        try {
          options = { ...options, ...(args[0] as ScriptOptions) }
        } catch {
          // unreadable options: keep the ones we have
        }
        start()
      } else if (METHODS.includes(name)) {
        return whenStarted((tracker) => (tracker[name as keyof Tracker] as (...args: unknown[]) => unknown)(...args))
      }
    }
    const sillage: Record<string, unknown> = { push, create: createTracker }
    for (const name of METHODS) sillage[name] = (...args: unknown[]) => push([name, ...args])
    sillage.flush = () => Promise.resolve(push(['flush']))
    page.sillage = sillage

    // init options apply before any other queued command.
    for (const command of commands) if (command[0] == 'init') options = { ...options, ...(command[1] as ScriptOptions) }
    start()
    for (const command of commands) if (command[0] != 'init') push(command)

    const brevoPush = (command: unknown) => {
      const call = brevoCommand(command)
      if (call) whenStarted(call)
    }
    if (!page.Brevo || Array.isArray(page.Brevo)) page.Brevo = { push: brevoPush }
    brevoCommands.forEach(brevoPush)
  } catch {
    // never into the page
  }
}
