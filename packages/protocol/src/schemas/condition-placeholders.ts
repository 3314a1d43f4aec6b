import { z } from 'zod'
import { jsonObject } from './common.js'

/*
 * Segment conditions and event filters are defined by the segment schemas. Until the
 * automation schema imports those, these stand in for them: they check only the outer
 * shape, and the automation schema refers to nothing else, so swapping them is a
 * two-line change.
 */

/** A segment condition (`{"all": […]}`, `{"event": …}`, `{"attribute": …}`…): an object. */
export const segmentConditionPlaceholder = jsonObject

/** One event filter, `{"property": "data.total", "gte": 20}`: an object naming a property. */
export const eventFilterPlaceholder = jsonObject.refine(
  (filter) => typeof filter.property === 'string' && filter.property !== '',
  'must name a property, e.g. {"property": "data.total", "gte": 20}',
)

/** The `where` of a trigger or a `waitFor`: every filter must hold. */
export const eventFiltersPlaceholder = z.array(eventFilterPlaceholder, { error: 'must be an array of filters' })
