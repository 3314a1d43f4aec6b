import type { Change } from '../events/change.js'
import type { StoreTransaction } from '../transaction/store-transaction.js'
import type { ChangeConsumer } from './change-consumer.js'

/**
 * A consumer shaped like the segments one will be: for each stored event it records a
 * `segment.entered` entry, through the transaction that moves its cursor. Counting those
 * entries per event tells whether an event was handled never, once or twice.
 */
export const enteringConsumer: ChangeConsumer = {
  name: 'test-entering',
  async handle(changes: readonly Change[], tx: StoreTransaction) {
    const stored = changes.filter((change) => change.type === 'event.stored')
    await tx.appendChanges({
      changes: stored.map((change) => ({
        type: 'segment.entered',
        at: change.at,
        contactId: change.contactId,
        data: { segmentId: 'test', messageId: (change.data as { messageId: string }).messageId },
      })),
    })
  },
}
