import { describe, expect, it } from 'vitest'
import { csvRow } from './csv-row.js'

describe('csvRow', () => {
  it('leaves plain fields alone and ends the record with CRLF', () => {
    expect(csvRow(['order_completed', 42, 'a b'])).toBe('order_completed,42,a b\r\n')
  })

  it('quotes fields with a comma, a quote, a CR or a LF, doubling the quotes', () => {
    expect(csvRow(['a,b', 'say "hi"', 'line1\nline2', 'cr\rhere'])).toBe(
      '"a,b","say ""hi""","line1\nline2","cr\rhere"\r\n',
    )
  })

  it('writes null as an empty field and keeps an empty string empty', () => {
    expect(csvRow([null, '', 'x'])).toBe(',,x\r\n')
  })
})
