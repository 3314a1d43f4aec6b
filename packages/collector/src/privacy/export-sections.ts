import type { JsonObject } from '@sillage/protocol'

/**
 * What other features keep about a contact, for its personal-data export: the segments
 * it is in, the automation runs about it, the webhook deliveries that carried it.
 */
export interface ExportSections {
  segments(contactId: string): Promise<JsonObject[]>
  runs(contactId: string): Promise<JsonObject[]>
  deliveries(contactId: string): Promise<JsonObject[]>
}
