import type { JsonObject } from '@sillage/protocol'
import { runOfRecord, shownAutomationRun } from '../automations/records/automation-run.js'
import { deliveryOfRecord, shownDelivery } from '../automations/records/stored-delivery.js'
import { contactSegments } from '../segments/contact-segments.js'
import type { Transactional } from '../transaction/store-transaction.js'
import type { ExportSections } from './export-sections.js'

/** Far more than one contact ever has; an export lists them all. */
const MAX_PER_CONTACT = 100_000

/**
 * The segments a contact is in, the automation runs about it and the webhook messages
 * that carried it, as the read API shows them: what its export adds to its events.
 *
 * @example
 * await storedExportSections(store).runs('c_1') // [{ id: 'run_…', status: 'exited', log: […] }]
 */
export function storedExportSections(store: Transactional): ExportSections {
  const records = (kind: 'run' | 'delivery', contactId: string) =>
    store.transaction((tx) => tx.findRecords({ kind, contactId, limit: MAX_PER_CONTACT }))
  return {
    segments: async (contactId) => (await contactSegments(store, contactId)) as unknown as JsonObject[],
    runs: async (contactId) =>
      (await records('run', contactId)).map(
        (record) => shownAutomationRun(runOfRecord(record)) as unknown as JsonObject,
      ),
    deliveries: async (contactId) =>
      (await records('delivery', contactId)).map(
        (record) => shownDelivery(deliveryOfRecord(record)) as unknown as JsonObject,
      ),
  }
}
