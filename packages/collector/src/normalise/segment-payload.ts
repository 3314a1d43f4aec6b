import type { JsonObject, SegmentEvent } from '@sillage/protocol'

export interface SegmentPayload {
  name: string
  properties: JsonObject
  /** Only identify traits become contact attributes. */
  traits: JsonObject
}

const pageFields = ['url', 'path', 'title', 'referrer', 'search'] as const

/**
 * The stored name, properties and traits of a Segment call (docs/api.md, what is stored): track keeps
 * its own name (so `cart_updated`, `order_completed` keep Brevo's keys), a page view
 * becomes `page_visited` with `url, path, title, referrer, search` taken from its
 * properties or else from `context.page`, plus its name and category when given.
 *
 * @example
 * segmentPayload({ type: 'page', name: 'Home', anonymousId: 'a' }, { page: { path: '/' } })
 * // { name: 'page_visited', properties: { url: null, path: '/', …, name: 'Home' }, traits: {} }
 */
export function segmentPayload(event: SegmentEvent, context: JsonObject): SegmentPayload {
  switch (event.type) {
    case 'track':
      return { name: event.event, properties: event.properties ?? {}, traits: {} }
    case 'page':
      return { name: 'page_visited', properties: pageProperties(event, context), traits: {} }
    case 'screen':
      return {
        name: 'screen',
        properties: { ...event.properties, ...(event.name ? { name: event.name } : {}) },
        traits: {},
      }
    case 'identify':
      return { name: 'identify', properties: {}, traits: event.traits ?? {} }
    case 'group':
      // Flattened like Segment's warehouse `groups` table; group traits describe the group, not the person.
      return { name: 'group', properties: { ...event.traits, groupId: event.groupId }, traits: {} }
    case 'alias':
      return { name: 'alias', properties: {}, traits: {} }
  }
}

function pageProperties(event: Extract<SegmentEvent, { type: 'page' }>, context: JsonObject): JsonObject {
  const properties = event.properties ?? {}
  const contextPage = isObject(context.page) ? context.page : {}
  const fields = Object.fromEntries(
    pageFields.map((field) => [field, stringOrNull(properties[field]) ?? stringOrNull(contextPage[field])]),
  )
  return {
    ...properties,
    ...fields,
    ...(event.name ? { name: event.name } : {}),
    ...(event.category ? { category: event.category } : {}),
  }
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
