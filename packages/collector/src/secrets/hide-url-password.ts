/**
 * A connection URL fit for a log line: the password between `user:` and the host's `@`
 * becomes `***`. Works on text that is not a valid URL too (the error messages about a bad
 * `--store` quote what was given), and on passwords holding `@`, `:` or `/`: everything up
 * to the last `@` before the host is hidden.
 *
 * @example
 * hideUrlPassword('postgres://sillage:s3cret@db:5432/events') // 'postgres://sillage:***@db:5432/events'
 */
export function hideUrlPassword(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^\s]*@(?=[^@\s]*$|[^@\s]*[\s"'])/gi, '$1:***@')
}
