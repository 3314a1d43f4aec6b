/**
 * One CSV record (RFC 4180): a field holding a comma, a double quote, a CR or a LF is
 * quoted, with its quotes doubled; lines end with CRLF. Null is an empty field.
 *
 * @example
 * csvRow(['a,b', 'say "hi"', null]) // '"a,b","say ""hi""",\r\n'
 */
export function csvRow(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',') + '\r\n'
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
