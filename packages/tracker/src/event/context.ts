import { VERSION } from '../version.js'

/** Segment's `context.page` / page properties, read now (the URL changes in SPAs). */
export function pageProperties(): Record<string, string> {
  return {
    url: location.href,
    path: location.pathname,
    title: document.title,
    referrer: document.referrer,
    search: location.search,
  }
}

/** Read once per page: building an `Intl.DateTimeFormat` is too costly to do for each event. */
let timeZone: string | undefined

/**
 * The device part of an event's `context`: library, page, locale, timezone, screen and
 * the UTM campaign of the current URL (`utm_x` becomes `campaign.x`, and `utm_campaign`
 * `campaign.name`, as in Segment).
 *
 * @example
 * deviceContext().campaign // { source: 'newsletter', name: 'spring' } on ?utm_source=newsletter&utm_campaign=spring
 */
export function deviceContext(): Record<string, unknown> {
  const context: Record<string, unknown> = {
    library: { name: '@sillage/tracker', version: VERSION },
    page: pageProperties(),
    locale: navigator.language,
    timezone: (timeZone ||= Intl.DateTimeFormat().resolvedOptions().timeZone),
    screen: { width: screen.width, height: screen.height, density: devicePixelRatio },
  }
  new URLSearchParams(location.search).forEach((value, key) => {
    if (key.startsWith('utm_'))
      ((context.campaign ||= {}) as Record<string, string>)[key.slice(4).replace('campaign', 'name')] = value
  })
  return context
}
