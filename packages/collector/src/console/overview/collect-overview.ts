import type { Store } from '../../stores/store.js'
import type { DayCount } from '../components/events-chart.js'

const DAY_MS = 24 * 60 * 60 * 1000

export interface Overview {
  /** One entry per UTC day of the window, oldest first, empty days included. */
  days: DayCount[]
  /** Most frequent event names in the window, most frequent first. */
  topNames: { name: string; count: number }[]
  /** Distinct contacts seen in the window: identified when one of their events carried a userId or email. */
  contacts: { identified: number; anonymous: number }
  /** Events read; equals `limit` when the window held more (the figures then cover the newest ones). */
  eventsRead: number
  /** True when the window held more events than were read. */
  truncated: boolean
}

/**
 * The overview's figures, read through `store.listEvents` page by page over the last
 * `windowDays` UTC days, at most `maxEvents` events (newest first), so that a large
 * store costs a bounded read and never a second query layer.
 *
 * @example
 * const overview = await collectOverview({ store, now: new Date(), windowDays: 14, maxEvents: 20_000 })
 * overview.days.at(-1) // { day: '2026-01-31', count: 40 }
 */
export async function collectOverview(options: {
  store: Pick<Store, 'listEvents'>
  now: Date
  windowDays: number
  maxEvents: number
}): Promise<Overview> {
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate())
  const start = today - (options.windowDays - 1) * DAY_MS
  const perDay = new Map<string, number>()
  for (let day = start; day <= today; day += DAY_MS) perDay.set(dayOf(day), 0)
  const perName = new Map<string, number>()
  const identifiedContacts = new Set<string>()
  const seenContacts = new Set<string>()
  let eventsRead = 0
  let cursor: string | undefined
  let truncated = false
  const since = new Date(start).toISOString()
  let reachedStart = false
  // Newest first without a `since` filter, stopping at the window's start: a lower bound
  // combined with the cursor makes the SQLite store rescan the window for every page.
  do {
    const limit = Math.min(1000, options.maxEvents - eventsRead)
    const page = await options.store.listEvents({ limit, cursor })
    for (const event of page.events) {
      if (event.timestamp < since) {
        reachedStart = true
        break
      }
      eventsRead += 1
      const day = event.timestamp.slice(0, 10)
      if (perDay.has(day)) perDay.set(day, perDay.get(day)! + 1)
      perName.set(event.name, (perName.get(event.name) ?? 0) + 1)
      seenContacts.add(event.contactId)
      if (event.userId || event.email) identifiedContacts.add(event.contactId)
    }
    cursor = page.nextCursor ?? undefined
    truncated = !reachedStart && cursor !== undefined && eventsRead >= options.maxEvents
  } while (cursor && !reachedStart && !truncated)
  return {
    days: [...perDay].map(([day, count]) => ({ day, count })),
    topNames: [...perName]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, 10),
    contacts: { identified: identifiedContacts.size, anonymous: seenContacts.size - identifiedContacts.size },
    eventsRead,
    truncated,
  }
}

const dayOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10)
