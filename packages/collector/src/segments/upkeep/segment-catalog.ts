import type { SegmentCondition } from '@sillage/protocol'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { conditionNames, type ConditionNames } from '../condition-names.js'
import { segmentReferences } from '../segment-references.js'
import type { StoredSegment } from '../stored-segment.js'

/** A saved segment with what its condition reads. */
export interface CatalogSegment {
  segment: StoredSegment
  names: ConditionNames
  /** The segments its condition refers to. */
  references: string[]
}

/** Attributes every identify can change without a `contact.updated` (identity, not traits). */
const identityAttributes = ['email', 'userId', 'identified']

/**
 * Every saved segment, read once per batch, with the questions the upkeep asks of them:
 * which segments can a change notice, and what does `{"segment": id}` stand for.
 *
 * @example
 * const catalog = await SegmentCatalog.load(tx)
 * catalog.readingEvent('order_completed') // the segments to re-evaluate for that event
 */
export class SegmentCatalog {
  private constructor(readonly segments: readonly CatalogSegment[]) {}

  static async load(tx: StoreTransaction): Promise<SegmentCatalog> {
    const segments = await tx.readSegments({})
    return new SegmentCatalog(
      segments.map((segment) => ({
        segment,
        names: conditionNames(segment.match),
        references: segmentReferences(segment.match),
      })),
    )
  }

  /** The condition of a saved segment, for `{"segment": id}`. */
  readonly matchOf = (segmentId: string): SegmentCondition | undefined =>
    this.segments.find((entry) => entry.segment.id === segmentId)?.segment.match

  get(segmentId: string): CatalogSegment | undefined {
    return this.segments.find((entry) => entry.segment.id === segmentId)
  }

  /** Segments reading this event name. */
  readingEvent(name: string): CatalogSegment[] {
    return this.segments.filter((entry) => entry.names.events.has(name))
  }

  /** Segments reading any of these attributes; identity changes count as `email`, `userId`, `identified`. */
  readingAttributes(keys: Iterable<string>): CatalogSegment[] {
    const wanted = new Set(keys)
    return this.segments.filter((entry) => [...entry.names.attributes].some((name) => wanted.has(name)))
  }

  /** Segments whose identity attributes an identify may have changed. */
  readingIdentity(): CatalogSegment[] {
    return this.readingAttributes(identityAttributes)
  }

  /** Segments that refer to this one: its entering and leaving re-evaluates them. */
  referring(segmentId: string): CatalogSegment[] {
    return this.segments.filter((entry) => entry.references.includes(segmentId))
  }
}
