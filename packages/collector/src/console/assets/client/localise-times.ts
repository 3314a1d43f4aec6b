/**
 * Rewrites every `<time datetime>` the server rendered in UTC into the browser's time
 * zone and locale, and every `<data value>` count with the locale's separators.
 *
 * @example
 * localiseTimes(document)
 */
export function localiseTimes(root: ParentNode): void {
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
    const instant = new Date(element.dateTime)
    if (!Number.isNaN(instant.getTime())) element.textContent = dateTime.format(instant)
  }
  const number = new Intl.NumberFormat()
  for (const element of root.querySelectorAll<HTMLDataElement>('data[value]')) {
    const value = Number(element.value)
    if (Number.isFinite(value)) element.textContent = number.format(value)
  }
}

/**
 * The event filters' `datetime-local` inputs are in the browser's zone once this runs:
 * it sends the zone's offset along (`tz`) and says so in the labels.
 *
 * @example
 * useLocalZoneInFilters(document)
 */
export function useLocalZoneInFilters(root: ParentNode): void {
  const offset = root.querySelector<HTMLInputElement>('input[data-tz]')
  if (!offset) return
  offset.value = String(-new Date().getTimezoneOffset())
  for (const label of root.querySelectorAll('[data-zone-label]')) label.textContent = '(your time)'
}
