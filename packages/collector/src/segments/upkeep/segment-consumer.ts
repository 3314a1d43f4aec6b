import type { Change } from '../../events/change.js'
import type { ChangeConsumer } from '../../feed/change-consumer.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { reevaluateContacts } from './reevaluate-contacts.js'
import { SegmentCatalog, type CatalogSegment } from './segment-catalog.js'
import { SEGMENTS_LOCK } from './segments-lock.js'

/**
 * Keeps segment memberships current from the change feed: each change re-evaluates only
 * the contacts it touched, and only for the segments whose conditions read what changed.
 * An event re-evaluates the segments that name it; new attributes those that read them; a
 * new or merged-into contact every segment (a condition like "has not logged in" holds
 * for someone new); a merged-away or erased contact leaves every segment; a contact
 * entering or leaving a segment re-evaluates the segments that refer to it.
 *
 * @example
 * new FeedFollower({ source: store, consumer: new SegmentConsumer({ now: () => new Date() }) }).start()
 */
export class SegmentConsumer implements ChangeConsumer {
  readonly name = SEGMENTS_LOCK

  constructor(
    private readonly options: {
      now: () => Date
      /**
       * Told when a segment is still being computed: saved by another collector, or left
       * unfinished by one that stopped, this collector learns of it here, with each batch.
       */
      onComputing?: () => void
    },
  ) {}

  /**
   * Without a segment no change needs anything. A segment defined later is computed over
   * all stored history, the changes it never saw included.
   */
  async isIdle(tx: StoreTransaction): Promise<boolean> {
    return (await tx.readSegments({})).length === 0
  }

  async handle(changes: readonly Change[], tx: StoreTransaction): Promise<void> {
    const catalog = await SegmentCatalog.load(tx)
    if (catalog.segments.length === 0) return
    if (catalog.segments.some((entry) => entry.segment.status === 'computing')) this.options.onComputing?.()
    const work = new Map<string, Set<string>>()
    const add = (contactId: string | null, segments: readonly CatalogSegment[]) => {
      if (contactId === null || segments.length === 0) return
      const ids = work.get(contactId) ?? new Set<string>()
      for (const entry of segments) ids.add(entry.segment.id)
      work.set(contactId, ids)
    }
    for (const change of changes) {
      const data = change.data ?? {}
      switch (change.type) {
        case 'event.stored':
          add(change.contactId, catalog.readingEvent(String(data.name)))
          if (data.type === 'identify' || data.type === 'alias') add(change.contactId, catalog.readingIdentity())
          break
        case 'contact.updated':
          add(change.contactId, catalog.readingAttributes(Object.keys(data)))
          break
        case 'contact.created':
          add(change.contactId, catalog.segments)
          break
        case 'contact.merged':
          add(typeof data.from === 'string' ? data.from : null, catalog.segments)
          add(change.contactId, catalog.segments)
          break
        case 'contact.erased':
          add(change.contactId, catalog.segments)
          break
        case 'segment.entered':
        case 'segment.exited':
          add(change.contactId, catalog.referring(String(data.segmentId)))
          break
      }
    }
    const reevaluations = [...work].map(([contactId, segmentIds]) => ({ contactId, segmentIds: [...segmentIds] }))
    await reevaluateContacts({ tx, catalog, reevaluations, now: this.options.now() })
  }
}
