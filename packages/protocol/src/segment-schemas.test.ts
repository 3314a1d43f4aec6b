import { describe, expect, it } from 'vitest'
import {
  durationMs,
  segmentDurationSchema,
  formatIssues,
  segmentDefinitionSchema,
  segmentMatchSchema,
  type SegmentCondition,
} from './index.js'

const ops = 'eq, neq, gt, gte, lt, lte, contains, notContains, startsWith, endsWith, in, exists'
const durationHint =
  'must be a duration such as "90s", "15m", "2h", "30d" or "8w" (a whole number, then s, m, h, d or w), at most 36525d'

const problems = (match: unknown) => {
  const result = segmentMatchSchema.safeParse(match)
  return result.success ? [] : formatIssues(result.error.issues)
}

describe('segment conditions: valid definitions', () => {
  const valid: [string, SegmentCondition][] = [
    [
      'repeat buyers in France',
      {
        all: [
          { event: 'order_completed', count: { gte: 2 }, within: '30d' },
          { attribute: 'country', eq: 'FR' },
        ],
      },
    ],
    ['first created a report less than 5 days ago', { event: 'report_created', first: { within: '5d' } }],
    [
      'viewed pricing more than 3 times',
      { event: 'page_visited', where: [{ property: 'path', eq: '/pricing' }], count: { gt: 3 } },
    ],
    ['has not logged in for 14 days', { event: 'logged_in', last: { before: '14d' } }],
    [
      'wishlist, then order',
      {
        sequence: [{ event: 'wishlist_added' }, { event: 'order_completed', where: [{ property: 'total', gte: 10 }] }],
        within: '8w',
      },
    ],
    [
      'a fixed period',
      { event: 'order_completed', within: { since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' } },
    ],
    [
      'any, not, segment, identified',
      {
        any: [
          { not: { segment: 'seg_1' } },
          { attribute: 'identified', eq: true },
          { attribute: 'email', endsWith: '@example.com' },
        ],
      },
    ],
    [
      'every filter op',
      {
        event: 'x',
        where: [
          { property: 'data.items.price', gt: 50 },
          { property: 'a', gte: 'b' },
          { property: 'a', lt: 1 },
          { property: 'a', lte: 1.5 },
          { property: 'a', neq: false },
          { property: 'a', contains: 'x' },
          { property: 'a', notContains: 'x' },
          { property: 'a', startsWith: 'x' },
          { property: 'a', in: ['x', 2, true] },
          { property: 'a', exists: false },
        ],
      },
    ],
  ]
  it.each(valid)('accepts %s', (_, match) => {
    expect(problems(match)).toEqual([])
    expect(segmentMatchSchema.parse(match)).toEqual(match)
  })

  it('accepts the create/update body with and without a description', () => {
    const match = { event: 'order_completed' }
    expect(segmentDefinitionSchema.parse({ name: ' Buyers ', match })).toEqual({ name: 'Buyers', match })
    expect(segmentDefinitionSchema.safeParse({ name: 'Buyers', description: 'all of them', match }).success).toBe(true)
  })
})

describe('segment conditions: each problem at its path', () => {
  const invalid: [string, unknown, string[]][] = [
    [
      'two ops in a filter',
      { event: 'x', where: [{ property: 'a', eq: 1, gt: 2 }] },
      [`where.0: a filter takes exactly one of ${ops} (found eq, gt)`],
    ],
    [
      'no op in an attribute condition',
      { all: [{ event: 'x' }, { attribute: 'country' }] },
      [`all.1: an attribute condition takes exactly one of ${ops} (found none)`],
    ],
    [
      'a bad duration deep inside',
      { any: [{ not: { event: 'x', within: '30 days' } }] },
      [`any.0.not.within: ${durationHint}`],
    ],
    [
      'a period ending before it starts',
      { event: 'x', within: { since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' } },
      ['within.until: must come after since'],
    ],
    [
      'a period with a bad date',
      { event: 'x', first: { within: { since: 'yesterday' } } },
      ['first.within.since: must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z'],
    ],
    [
      'both within and before',
      { event: 'x', last: { within: '1d', before: '2d' } },
      [
        'last: takes exactly one of within (e.g. "5d": less than 5 days ago) ' +
          'or before (e.g. "14d": more than 14 days ago)',
      ],
    ],
    ['a fractional count', { event: 'x', count: { gt: 1.5 } }, ['count.gt: must be a whole number']],
    ['an unknown key', { event: 'x', times: 2 }, ['Unrecognized key: "times"']],
    [
      'not a condition',
      { all: [{ evnt: 'x' }, 3] },
      [
        'all.0: must be a condition: an object with one of all, any, not, event, sequence, attribute, segment',
        'all.1: must be a condition: an object with one of all, any, not, event, sequence, attribute, segment',
      ],
    ],
    ['an empty group', { any: [] }, ['any: must hold at least one condition']],
    [
      'a one-step sequence',
      { sequence: [{ event: 'x' }] },
      ['sequence: needs at least two steps (for one, use an event condition)'],
    ],
    [
      'a bad property path',
      { event: 'x', where: [{ property: 'a..b', exists: true }] },
      [
        'where.0.property: must be a dot path such as "data.items.price": ' +
          'names separated by single dots, without " or \\',
      ],
    ],
    [
      'null as a value',
      { attribute: 'plan', eq: null },
      ['eq: must be a string, a number or a boolean (to test for a missing value, use exists)'],
    ],
    ['an empty contains', { attribute: 'plan', contains: '' }, ['contains: must not be empty']],
    [
      'identified with a string',
      { attribute: 'identified', eq: 'yes' },
      ['identified is true or false: use eq or neq with a boolean, or exists'],
    ],
    ['in without values', { attribute: 'plan', in: [] }, ['in: must list at least one value']],
    ['an empty event name', { event: '' }, ['event: must not be empty']],
  ]
  it.each(invalid)('refuses %s', (_, match, expected) => {
    expect(problems(match)).toEqual(expected)
  })

  it('refuses a document nested deeper than any condition needs, without walking it', () => {
    let match: unknown = { event: 'x' }
    for (let level = 0; level < 10_000; level += 1) match = { not: match }
    expect(problems(match)).toEqual(['is nested more than 32 levels deep'])
  })

  it('reports problems of the body under match', () => {
    const result = segmentDefinitionSchema.safeParse({ name: '', match: { all: [{ event: 'x', count: {} }] } })
    expect(formatIssues(result.error!.issues)).toEqual([
      'name: must not be empty',
      'match.all.0.count: count takes exactly one of eq, neq, gt, gte, lt, lte (found none)',
    ])
  })
})

describe('segment durations', () => {
  it('reads each unit and refuses other spellings, nothing and more than a century', () => {
    expect(['90s', '15m', '2h', '30d', '8w'].map(durationMs)).toEqual([
      90_000, 900_000, 7_200_000, 2_592_000_000, 4_838_400_000,
    ])
    const accepted = (text: string) => segmentDurationSchema.safeParse(text).success
    expect(['90s', '15m', '2h', '30d', '8w', '36525d'].map(accepted)).toEqual(Array(6).fill(true))
    expect(['0d', '1.5h', '2 h', '3y', '-1d', '99999w', '36526d'].map(accepted)).toEqual(Array(7).fill(false))
  })
})
