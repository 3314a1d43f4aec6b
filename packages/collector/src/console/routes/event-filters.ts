import { z } from 'zod'
import { eventTypes, formatIssues, plainText } from '@sillage/protocol'

/** A form field left blank arrives as `''`: the same as not filtering on it. */
const optionalText = (max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), plainText().trim().min(1).max(max).optional())

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The event log's filters as a form sends them. `since`/`until` come from
 * `datetime-local` inputs (no zone): they are read in the browser's zone when the console
 * script sent its offset as `tz` (minutes east of UTC), else in UTC.
 */
export const eventFiltersSchema = z.object({
  name: optionalText(255),
  type: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(eventTypes, { error: `must be one of ${eventTypes.join(', ')}` }).optional(),
  ),
  contact: optionalText(255),
  since: optionalText(40),
  until: optionalText(40),
  tz: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(-840).max(840).optional(),
  ),
  cursor: optionalText(512),
})

export type EventFilters = z.output<typeof eventFiltersSchema>

export type ParsedFilters =
  | { ok: true; filters: EventFilters; since?: string; until?: string }
  | { ok: false; filters: Partial<EventFilters>; message: string }

/**
 * The filters of a request, validated, with `since`/`until` as ISO instants; or a
 * message naming what was wrong, for the page to show beside the form.
 *
 * @example
 * parseEventFilters({ since: '2026-01-31T09:00', tz: '60' }) // since: '2026-01-31T08:00:00.000Z'
 */
export function parseEventFilters(query: Record<string, string>): ParsedFilters {
  const result = eventFiltersSchema.safeParse(query)
  if (!result.success) {
    return { ok: false, filters: {}, message: `Invalid filter: ${formatIssues(result.error.issues).join('; ')}` }
  }
  const filters = result.data
  const since = filters.since === undefined ? undefined : toInstant(filters.since, filters.tz ?? 0)
  const until = filters.until === undefined ? undefined : toInstant(filters.until, filters.tz ?? 0)
  if (since === null || until === null) {
    const which = since === null ? 'from' : 'to'
    const message = `Invalid filter: "${which}" must be a date and time such as 2026-01-31T09:00.`
    return { ok: false, filters, message }
  }
  if (since && until && since >= until) {
    return { ok: false, filters, message: 'Invalid filter: "from" must be before "to".' }
  }
  return { ok: true, filters, since, until }
}

function toInstant(value: string, offsetMinutes: number): string | null {
  const local = LOCAL_DATE_TIME.exec(value)
  if (local) {
    const [, year, month, day, hour, minute, second] = local.map(Number) as number[]
    const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second || 0) - offsetMinutes * 60_000
    return Number.isNaN(utc) ? null : new Date(utc).toISOString()
  }
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}

/**
 * The filters as a query string, for the pager's and the export's links.
 *
 * @example
 * filtersQuery({ name: 'order_completed' }, { cursor: 'abc' }) // 'name=order_completed&cursor=abc'
 */
export function filtersQuery(filters: Partial<EventFilters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const key of ['name', 'type', 'contact', 'since', 'until', 'tz'] as const) {
    const value = filters[key]
    if (value !== undefined) params.set(key, String(value))
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}
