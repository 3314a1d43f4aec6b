/**
 * An instant as `<time datetime>`: the server writes it in UTC, the console script
 * rewrites the text in the browser's own time zone (the ISO value stays as the title).
 *
 * @example
 * <TimeStamp iso={event.timestamp} />
 */
export function TimeStamp(props: { iso: string }) {
  const utc = props.iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC'
  return (
    <time datetime={props.iso} title={props.iso}>
      {utc}
    </time>
  )
}
