import type { JsonObject, SegmentCondition } from '@sillage/protocol'
import type { EventSpec } from './event-fixture.test-suite.js'

/** An event at day `day` (fractions allowed) of the scenario's clock. */
export type DayEvent = Omit<EventSpec, 'at' | 'messageId'> & { day: number; id?: string }

/** What one segment must hold at the step's time, and which entries the feed got since the last look. */
export interface SegmentExpectation {
  /** The segment to look at; the scenario's own when omitted. */
  segment?: string
  /** Labels of exactly the members. */
  members: string[]
  /** Labels that entered / left since the previous look at this segment (live mode only). */
  entered?: string[]
  exited?: string[]
}

export type SegmentStep =
  | { day: number; ingest: DayEvent[] }
  | { day: number; erase: string }
  /** Retention: the events older than `retentionDays` are deleted (the upkeep having settled first, as it runs). */
  | { day: number; retentionDays: number }
  | ({ day: number } & SegmentExpectation)

export interface SegmentScenario {
  name: string
  match: SegmentCondition
  /** Segments saved before this one, by id; `match` may refer to them. */
  others?: Record<string, SegmentCondition>
  /** The people, in the order their label names a contact: each is looked up as a userId, then an anonymousId. */
  labels: string[]
  steps: SegmentStep[]
}

const track = (who: string, name: string, day: number, properties?: JsonObject): DayEvent => ({
  userId: who,
  name,
  day,
  ...(properties ? { properties } : {}),
})

/**
 * Membership rules of docs/segments.md as data: the seed examples, each condition form,
 * merges and erasures, with the members expected as the clock moves (days from a fixed
 * start) and the entries appended to the feed.
 */
export const segmentScenarios: SegmentScenario[] = [
  {
    name: 'ordered twice in 30 days: enters on the second order, leaves when the first slides out',
    match: { event: 'order_completed', count: { gte: 2 }, within: '30d' },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 10,
        ingest: [
          track('ann', 'order_completed', 0),
          track('bob', 'order_completed', 5),
          track('ann', 'order_completed', 10),
        ],
      },
      { day: 11, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 29, members: ['ann'], entered: [], exited: [] },
      { day: 31, members: [], entered: [], exited: ['ann'] },
      { day: 33, ingest: [track('bob', 'order_completed', 33)] },
      { day: 34, members: ['bob'], entered: ['bob'], exited: [] },
      { day: 36, members: [], entered: [], exited: ['bob'] },
    ],
  },
  {
    name: 'first created a report less than 5 days ago',
    match: { event: 'report_created', first: { within: '5d' } },
    labels: ['ann', 'bob'],
    steps: [
      { day: 3, ingest: [track('ann', 'report_created', 1), track('ann', 'report_created', 3)] },
      { day: 4, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 5, ingest: [track('bob', 'report_created', 5)] },
      { day: 7, members: ['bob'], entered: ['bob'], exited: ['ann'] },
      { day: 11, members: [], entered: [], exited: ['bob'] },
    ],
  },
  {
    name: 'viewed pricing more than 3 times (a filter on a property)',
    match: { event: 'page_viewed', where: [{ property: 'path', eq: '/pricing' }], count: { gt: 3 } },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 1,
        ingest: [1, 2, 3].flatMap((n) => [
          track('ann', 'page_viewed', n / 10, { path: '/pricing' }),
          track('bob', 'page_viewed', n / 10, { path: '/about' }),
        ]),
      },
      { day: 1, members: [], entered: [], exited: [] },
      {
        day: 2,
        ingest: [
          track('ann', 'page_viewed', 2, { path: '/pricing' }),
          track('bob', 'page_viewed', 2, { path: '/about' }),
        ],
      },
      { day: 2, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 100, members: ['ann'], entered: [], exited: [] },
    ],
  },
  {
    name: 'has not logged in for 14 days: enters when the 14 days are up, leaves on the next login',
    match: { event: 'logged_in', last: { before: '14d' } },
    labels: ['ann', 'bob'],
    steps: [
      { day: 2, ingest: [track('ann', 'logged_in', 0), track('bob', 'logged_in', 2)] },
      { day: 10, members: [], entered: [], exited: [] },
      { day: 15, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 16, ingest: [track('ann', 'logged_in', 16)] },
      { day: 17, members: ['bob'], entered: ['bob'], exited: ['ann'] },
      { day: 31, members: ['ann', 'bob'], entered: ['ann'], exited: [] },
    ],
  },
  {
    name: 'added to wishlist, then bought (a sequence, in that order, within 30 days)',
    match: { sequence: [{ event: 'wishlist_added' }, { event: 'order_completed' }], within: '30d' },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 3,
        ingest: [
          track('ann', 'wishlist_added', 1),
          track('ann', 'order_completed', 2),
          track('bob', 'order_completed', 1),
          track('bob', 'wishlist_added', 2),
        ],
      },
      { day: 3, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 32, members: [], entered: [], exited: ['ann'] },
    ],
  },
  {
    name: 'an attribute from traits: enters with plan pro, leaves when it becomes free',
    match: { attribute: 'plan', eq: 'pro' },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 1,
        ingest: [
          { userId: 'ann', type: 'identify', traits: { plan: 'pro' }, day: 1 },
          { userId: 'bob', type: 'identify', traits: { plan: 'free' }, day: 1 },
        ],
      },
      { day: 1, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 2, ingest: [{ userId: 'ann', type: 'identify', traits: { plan: 'free' }, day: 2 }] },
      { day: 2, members: [], entered: [], exited: ['ann'] },
    ],
  },
  {
    name: 'identified (any of email or userId): a visitor enters when it logs in',
    match: { all: [{ attribute: 'identified', eq: true }, { event: 'page_viewed' }] },
    labels: ['u1', 'd1'],
    steps: [
      { day: 1, ingest: [{ anon: 'd1', name: 'page_viewed', day: 1 }] },
      { day: 1, members: [], entered: [], exited: [] },
      { day: 2, ingest: [{ anon: 'd1', userId: 'u1', type: 'identify', day: 2 }] },
      { day: 2, members: ['u1'], entered: ['u1'], exited: [] },
    ],
  },
  {
    name: 'any, not and a segment reference: buyers outside France, or anyone who asked for a demo',
    others: { buyers: { event: 'order_completed' } },
    match: {
      any: [{ all: [{ segment: 'buyers' }, { not: { attribute: 'country', eq: 'FR' } }] }, { event: 'demo_requested' }],
    },
    labels: ['ann', 'bob', 'cyd'],
    steps: [
      {
        day: 1,
        ingest: [
          { userId: 'ann', type: 'identify', traits: { country: 'DE' }, day: 1 },
          { userId: 'bob', type: 'identify', traits: { country: 'FR' }, day: 1 },
          track('ann', 'order_completed', 1),
          track('bob', 'order_completed', 1),
          track('cyd', 'demo_requested', 1),
        ],
      },
      { day: 1, segment: 'buyers', members: ['ann', 'bob'] },
      { day: 1, members: ['ann', 'cyd'], entered: ['ann', 'cyd'], exited: [] },
      { day: 2, ingest: [{ userId: 'ann', type: 'identify', traits: { country: 'FR' }, day: 2 }] },
      { day: 2, members: ['cyd'], entered: [], exited: ['ann'] },
    ],
  },
  {
    name: 'did not do it (count eq 0 within a window): new contacts are in, a recent login takes them out',
    match: { event: 'logged_in', count: { eq: 0 }, within: '14d' },
    labels: ['ann', 'bob'],
    steps: [
      { day: 1, ingest: [track('ann', 'page_viewed', 1), track('bob', 'logged_in', 1)] },
      { day: 1, members: ['ann'], entered: ['ann'], exited: [] },
      { day: 16, members: ['ann', 'bob'], entered: ['bob'], exited: [] },
    ],
  },
  {
    name: 'merge: a visitor in the segment logs in and merges into the known contact',
    match: { event: 'page_viewed', count: { gte: 2 } },
    labels: ['u1', 'd1'],
    steps: [
      {
        day: 1,
        ingest: [
          { anon: 'd2', userId: 'u1', type: 'identify', day: 0 },
          { anon: 'd1', name: 'page_viewed', day: 0.5 },
          { anon: 'd1', name: 'page_viewed', day: 1 },
        ],
      },
      { day: 1, members: ['d1'], entered: ['d1'], exited: [] },
      { day: 2, ingest: [{ anon: 'd1', userId: 'u1', type: 'identify', day: 2 }] },
      { day: 2, members: ['u1'], entered: ['u1'], exited: ['d1'] },
    ],
  },
  {
    name: 'ordered more than 3 times, ever: still holds once retention has deleted the orders',
    match: { event: 'order_completed', count: { gt: 3 } },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 1,
        ingest: [
          ...[0, 0.25, 0.5, 1].map((at) => track('ann', 'order_completed', at)),
          track('bob', 'order_completed', 0),
          track('bob', 'order_completed', 1),
        ],
      },
      { day: 100, retentionDays: 30 },
      // Two more orders for bob: four counted, though only these two are still stored.
      { day: 100, ingest: [track('bob', 'order_completed', 100), track('bob', 'order_completed', 100)] },
      { day: 100, members: ['ann', 'bob'], entered: ['ann', 'bob'], exited: [] },
      { day: 101, ingest: [track('ann', 'order_completed', 101)] },
      { day: 101, members: ['ann', 'bob'], entered: [], exited: [] },
    ],
  },
  {
    name: 'erasure: an erased contact leaves every segment',
    others: { viewers: { event: 'page_viewed' } },
    match: { event: 'order_completed' },
    labels: ['ann', 'bob'],
    steps: [
      {
        day: 1,
        ingest: [
          track('ann', 'page_viewed', 1),
          track('ann', 'order_completed', 1),
          track('bob', 'order_completed', 1),
        ],
      },
      { day: 1, members: ['ann', 'bob'], entered: ['ann', 'bob'], exited: [] },
      { day: 1, segment: 'viewers', members: ['ann'], entered: ['ann'], exited: [] },
      { day: 2, erase: 'ann' },
      { day: 2, members: ['bob'], entered: [], exited: ['ann'] },
      { day: 2, segment: 'viewers', members: [], entered: [], exited: ['ann'] },
    ],
  },
]
