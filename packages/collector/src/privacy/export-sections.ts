import type { JsonObject } from '@sillage/protocol'

/**
 * What other features keep about a contact, for its personal-data export: the segments
 * it is in, the automation runs about it, the webhook deliveries that carried it. Each
 * feature fills in its part when it lands; until then the export lists none.
 */
export interface ExportSections {
  segments(contactId: string): Promise<JsonObject[]>
  runs(contactId: string): Promise<JsonObject[]>
  deliveries(contactId: string): Promise<JsonObject[]>
}

/** No segments, runs or deliveries kept: the default until those features supply theirs. */
export const emptyExportSections: ExportSections = {
  segments: async () => [],
  runs: async () => [],
  deliveries: async () => [],
}
