import type { JsonObject, SegmentCondition } from '@sillage/protocol'
import { describe, expect, it } from 'vitest'
import { evaluateCondition, explainCondition } from './evaluate-condition.js'
import type { MembershipContact, MembershipEvent } from './membership-input.js'
import { nextChangeAt } from './next-change-at.js'

const DAY = 86_400_000
const base = Date.parse('2026-03-01T12:00:00.000Z')
/** `day(-3)`: three days before the base clock. */
const day = (offset: number) => new Date(base + offset * DAY)

interface Scenario {
  name: string
  match: SegmentCondition
  contact?: Partial<MembershipContact>
  /** [name, day offset, properties?] */
  events: [string, number, JsonObject?][]
  /** [day offset of the clock, member?] */
  member: [number, boolean][]
  /** Day offset of nextChangeAt at the base clock; null when only new data can change it. */
  changesAt?: number | null
}

const scenarios: Scenario[] = [
  {
    name: 'ordered twice in 30 days: leaves when the older order slides out',
    match: { event: 'order_completed', count: { gte: 2 }, within: '30d' },
    events: [
      ['order_completed', -20],
      ['order_completed', -5],
      ['page_visited', -1],
    ],
    member: [
      [0, true],
      [9.99, true],
      [10, false],
      [-6, false],
    ],
    changesAt: 10,
  },
  {
    name: 'first created a report less than 5 days ago',
    match: { event: 'report_created', first: { within: '5d' } },
    events: [
      ['report_created', -2],
      ['report_created', -1],
    ],
    member: [
      [0, true],
      [2.9, true],
      [3, false],
      [-3, false],
    ],
    changesAt: 3,
  },
  {
    name: 'viewed pricing more than 3 times (a later visit comes into view)',
    match: { event: 'page_visited', where: [{ property: 'path', eq: '/pricing' }], count: { gt: 3 } },
    events: [
      ['page_visited', -9, { path: '/pricing' }],
      ['page_visited', -8, { path: '/pricing' }],
      ['page_visited', -7, { path: '/home' }],
      ['page_visited', -2, { path: '/pricing' }],
      ['page_visited', 1, { path: '/pricing' }],
    ],
    member: [
      [0, false],
      [1, true],
      [40, true],
    ],
    changesAt: 1,
  },
  {
    name: 'has not logged in for 14 days',
    match: { event: 'logged_in', last: { before: '14d' } },
    events: [
      ['logged_in', -30],
      ['logged_in', -10],
    ],
    member: [
      [0, false],
      [3.9, false],
      [4, true],
      [100, true],
      [-12, true],
    ],
    changesAt: 4,
  },
  {
    name: 'never logged in is not "has not logged in for 14 days"; "or never" is spelled out',
    match: {
      any: [
        { event: 'logged_in', last: { before: '14d' } },
        { event: 'logged_in', count: { eq: 0 } },
      ],
    },
    events: [['page_visited', -30]],
    member: [[0, true]],
    changesAt: null,
  },
  {
    name: 'added to wishlist, then bought, within 7 days',
    match: { sequence: [{ event: 'wishlist_added' }, { event: 'order_completed' }], within: '7d' },
    events: [
      ['order_completed', -6],
      ['wishlist_added', -3],
      ['order_completed', -1],
    ],
    member: [
      [0, true],
      [-2, false],
      [3.9, true],
      [4, false],
    ],
    changesAt: 1,
  },
  {
    name: 'a sequence needs strictly later steps',
    match: { sequence: [{ event: 'wishlist_added' }, { event: 'order_completed' }] },
    events: [
      ['order_completed', -3],
      ['wishlist_added', -3],
    ],
    member: [[0, false]],
    changesAt: null,
  },
  {
    name: 'any item above 50 (a path through an array)',
    match: { event: 'order_completed', where: [{ property: 'data.items.price', gt: 50 }] },
    events: [
      ['order_completed', -1, { data: { items: [{ price: 10 }, { price: 60 }] } }],
      ['order_completed', -2, { data: { items: [{ price: '70' }] } }],
    ],
    member: [
      [0, true],
      [-1.5, false],
    ],
  },
  {
    name: 'did not order in the last 7 days, but did before (every group)',
    match: { all: [{ event: 'order_completed' }, { not: { event: 'order_completed', within: '7d' } }] },
    events: [['order_completed', -5]],
    member: [
      [0, false],
      [2, true],
      [-6, false],
    ],
    changesAt: 2,
  },
  {
    name: 'ordered during February (a fixed period)',
    match: { event: 'order_completed', within: { since: '2026-02-01T00:00:00Z', until: '2026-03-01T00:00:00Z' } },
    events: [
      ['order_completed', -10],
      ['order_completed', 5],
    ],
    member: [
      [0, true],
      [-20, false],
      [30, true],
    ],
    changesAt: 5,
  },
  {
    name: 'in France and identified, on another plan than pro (neq holds on a missing plan)',
    match: {
      all: [
        { attribute: 'country', eq: 'FR' },
        { attribute: 'identified', eq: true },
        { attribute: 'plan', neq: 'pro' },
      ],
    },
    contact: { userId: 'u1', attributes: { country: 'FR' } },
    events: [],
    member: [[0, true]],
    changesAt: null,
  },
  {
    name: 'anonymous contacts fail identified, tags in a list match any element',
    match: {
      any: [
        { attribute: 'identified', eq: true },
        { attribute: 'tags', in: ['vip', 'beta'] },
      ],
    },
    contact: { attributes: { tags: ['early', 'beta'] } },
    events: [],
    member: [[0, true]],
  },
  {
    name: 'an email domain, and no coupon on any order (exists false)',
    match: {
      all: [
        { attribute: 'email', endsWith: '@example.com' },
        { event: 'order_completed', where: [{ property: 'coupon', exists: false }], count: { gte: 1 } },
      ],
    },
    contact: { email: 'ann@example.com' },
    events: [['order_completed', -1, { coupon: null, total: 3 }]],
    member: [
      [0, true],
      [-2, false],
    ],
  },
  {
    name: 'a type mismatch never matches: 5 is not "5"',
    match: { event: 'order_completed', where: [{ property: 'total', eq: 5 }] },
    events: [['order_completed', -1, { total: '5' }]],
    member: [[0, false]],
  },
  {
    name: 'a member of another segment',
    match: { all: [{ segment: 'seg_vip' }, { event: 'page_visited', within: '1d' }] },
    events: [['page_visited', -0.5]],
    member: [
      [0, true],
      [0.5, false],
    ],
    changesAt: 0.5,
  },
]

function inputAt(scenario: Scenario, offset: number) {
  const contact: MembershipContact = { id: 'c1', email: null, userId: null, attributes: {}, ...scenario.contact }
  const events: MembershipEvent[] = scenario.events.map(([name, at, properties = {}], index) => ({
    id: `e${index}`,
    name,
    timestamp: day(at).toISOString(),
    properties,
  }))
  return { contact, events, now: day(offset), isMemberOf: (id: string) => id === 'seg_vip' }
}

describe('evaluateCondition, with an injected clock', () => {
  describe.each(scenarios)('$name', (scenario) => {
    it.each(scenario.member)('at day %d: member %s', (offset, member) => {
      expect(evaluateCondition(scenario.match, inputAt(scenario, offset))).toBe(member)
    })
    const { changesAt } = scenario
    if (changesAt !== undefined) {
      it('knows when time alone can next change it', () => {
        const expected = changesAt === null ? null : day(changesAt)
        expect(nextChangeAt(scenario.match, inputAt(scenario, 0))).toEqual(expected)
      })
    }
  })
})

describe('explainCondition', () => {
  it('gives the evidence of each condition by path', () => {
    const scenario = scenarios[0]!
    const match: SegmentCondition = { all: [scenario.match, { not: { attribute: 'country', eq: 'FR' } }] }
    expect(explainCondition(match, inputAt(scenario, 0))).toEqual({
      member: true,
      conditions: [
        { path: 'match', holds: true, evidence: { holding: 2, of: 2 } },
        {
          path: 'match.all.0',
          holds: true,
          evidence: { count: 2, first: day(-20).toISOString(), last: day(-5).toISOString(), eventIds: ['e0', 'e1'] },
        },
        { path: 'match.all.1', holds: true, evidence: {} },
        { path: 'match.all.1.not', holds: false, evidence: { values: [] } },
      ],
    })
  })

  it('names the events of a sequence that decided', () => {
    const scenario = scenarios.find((candidate) => candidate.name.startsWith('added to wishlist'))!
    expect(explainCondition(scenario.match, inputAt(scenario, 0)).conditions).toEqual([
      { path: 'match', holds: true, evidence: { eventIds: ['e1', 'e2'] } },
    ])
  })
})
