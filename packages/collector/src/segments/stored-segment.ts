import type { SegmentCondition } from '@sillage/protocol'

/** A saved segment as the store keeps it; `size` is counted when read. */
export interface StoredSegment {
  id: string
  name: string
  description: string
  match: SegmentCondition
  /** `computing` until the background computation has gone over every contact once. */
  status: 'computing' | 'ready'
  /** 0–1: the share of contacts the background computation has done. */
  progress: number
  /** The last contact id the background computation has done; null: start from the first. */
  computeAfter: string | null
  computedAt: string | null
  createdAt: string
  updatedAt: string
}

/** A segment as read back, with its number of members. */
export interface SegmentWithSize extends StoredSegment {
  size: number
}

/** A member of a segment, as `GET /v1/segments/:id/contacts` lists it. */
export interface SegmentMember {
  id: string
  email: string | null
  userId: string | null
  enteredAt: string
}

/** One contact's membership of one segment. */
export interface Membership {
  segmentId: string
  contactId: string
  enteredAt: string
}

/** A contact entering (`member`) or leaving a segment at `at` (ISO-8601). */
export interface MembershipWrite {
  segmentId: string
  contactId: string
  member: boolean
  at: string
}

/** When a (segment, contact) pair must next be re-checked, or never by time alone (null). */
export interface SegmentCheckWrite {
  segmentId: string
  contactId: string
  dueAt: string | null
}

/** When a contact's membership of a condition can next change with time alone (ISO-8601), or never (null). */
export interface NextChange {
  contactId: string
  dueAt: string | null
}

/** When a (segment, contact) pair can next change with time alone (ISO-8601). */
export interface SegmentCheck {
  segmentId: string
  contactId: string
  dueAt: string
}

/**
 * Which contacts `matchSegment` looks at: the listed ones, a page of contacts in id order
 * after `after` (the background computation), or all of them (a preview).
 */
export type MatchScope = { contactIds: readonly string[] } | { after: string | null; limit: number } | { all: true }

/** Which contacts of the scope match. */
export interface MatchResult {
  members: string[]
  /** Pages only: every contact id the page looked at, in order (empty: no contact left). */
  scanned: string[]
  /** Pages only: how many contacts come after the page. */
  remaining: number
}
