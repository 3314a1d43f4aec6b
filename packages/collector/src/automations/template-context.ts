/** What one event name's history offers a template: `event.NAME.count`, `.first`, `.last`, `.lastProperties`. */
export interface TemplateEventHistory {
  count: number
  /** ISO time of the contact's first such event, or null when there is none. */
  first: string | null
  last: string | null
  /** The properties of the contact's latest such event. */
  lastProperties: Record<string, unknown> | null
}

/**
 * Everything a template of a run may read, shaped like the paths that read it: a
 * template walks this object and nothing else.
 */
export interface TemplateContext {
  contact: { id: string; email: string | null; userId: string | null; attributes: Record<string, unknown> }
  /** The event that started the run; null for a run started by a segment change. */
  trigger: { name: string | null; properties: Record<string, unknown>; timestamp: string; messageId: string } | null
  /** Keyed by event name; only the names the template reads need to be there. */
  event: Record<string, TemplateEventHistory>
}
