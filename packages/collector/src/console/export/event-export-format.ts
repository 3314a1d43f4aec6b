import type { StoredEvent } from '@sillage/protocol'
import { csvRow } from './csv-row.js'

export interface EventExportFormat {
  contentType: string
  extension: string
  /** Written once before the first event. */
  header: string
  line(event: StoredEvent): string
}

const CSV_COLUMNS = [
  'timestamp',
  'receivedAt',
  'type',
  'name',
  'messageId',
  'contactId',
  'userId',
  'email',
  'anonymousId',
  'identity',
  'properties',
  'context',
] as const

/**
 * The two export formats of the event log. CSV has one column per top-level field,
 * `properties` and `context` as JSON text; NDJSON is one stored event per line, exactly
 * as the read API returns it.
 *
 * @example
 * const format = eventExportFormats.csv
 * format.header + events.map(format.line).join('')
 */
export const eventExportFormats: Record<'csv' | 'ndjson', EventExportFormat> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    header: csvRow([...CSV_COLUMNS]),
    line: (event) =>
      csvRow(
        CSV_COLUMNS.map((column) => {
          const value = event[column]
          return typeof value === 'object' && value !== null ? JSON.stringify(value) : value
        }),
      ),
  },
  ndjson: {
    contentType: 'application/x-ndjson; charset=utf-8',
    extension: 'ndjson',
    header: '',
    line: (event) => JSON.stringify(event) + '\n',
  },
}
