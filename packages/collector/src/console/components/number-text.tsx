const grouped = new Intl.NumberFormat('en-US')

/**
 * A count with thousands separators; the console script regroups it in the browser's locale.
 *
 * @example
 * <NumberText value={12345} /> // <data value="12345">12,345</data>
 */
export function NumberText(props: { value: number }) {
  return <data value={String(props.value)}>{grouped.format(props.value)}</data>
}
