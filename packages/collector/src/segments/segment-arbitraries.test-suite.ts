import fc from 'fast-check'
import type {
  JsonObject,
  SegmentComparison,
  SegmentCondition,
  SegmentFilter,
  SegmentOccurrence,
  SegmentTimeWindow,
} from '@sillage/protocol'

/** The clock random histories and conditions are built around. */
export const baseNow = Date.parse('2026-03-01T12:00:00.000Z')
const HOUR = 3_600_000

export const eventNames = ['order_completed', 'page_visited', 'report_created', 'wishlist_added', 'logged_in'] as const

/** A person: the identifiers their events may carry, and the traits an identify call sets. */
export interface PersonSpec {
  userId: boolean
  email: boolean
  traits: JsonObject | null
}

export interface EventSpecOfPerson {
  person: number
  name: string
  /** Minutes from `baseNow`; often exactly on a window's edge at one of the test clocks. */
  minute: number
  properties: JsonObject
  /** Whether the event carries the person's userId/email, or only the device id (then merged). */
  identified: boolean
}

/** Minutes from `baseNow` of the test clocks. */
export const clockMinutes = [0, 36 * 60, -48 * 60]
const durationMinutes = [60, 90, 36 * 60, 48 * 60, 7 * 24 * 60, 30 * 24 * 60, 8 * 7 * 24 * 60]
/** Instants where an event sits exactly on a window's edge at some clock, and the clocks themselves. */
const edges = [...clockMinutes, ...clockMinutes.flatMap((clock) => durationMinutes.map((length) => clock - length))]

const strings = ['/pricing', '/home', '/pricing/team', 'pro', 'free', 'Pro', 'team', '']
const scalar = fc.oneof(
  fc.constantFrom(...strings),
  fc.integer({ min: -2, max: 120 }),
  fc.constantFrom(2.5, 0.1 + 0.2),
  fc.boolean(),
)

const propertiesArbitrary: fc.Arbitrary<JsonObject> = fc.record(
  {
    total: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant('55')),
    path: fc.constantFrom('/pricing', '/home', '/pricing/team'),
    plan: fc.oneof(scalar, fc.constant(null)),
    tags: fc.oneof(fc.array(fc.constantFrom('sale', 'new', 'pro'), { maxLength: 3 }), fc.constant('sale')),
    data: fc.record(
      {
        items: fc.array(
          fc.record(
            {
              price: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant('70')),
              sku: fc.constantFrom('a-1', 'b-2', 'pro-3'),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        flag: fc.oneof(fc.boolean(), fc.constant(null), fc.constant([true, [false]])),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

export const personArbitrary: fc.Arbitrary<PersonSpec> = fc.record({
  userId: fc.boolean(),
  email: fc.boolean(),
  traits: fc.option(
    fc.record(
      {
        country: fc.constantFrom('FR', 'DE'),
        plan: scalar,
        score: fc.integer({ min: 0, max: 10 }),
        tags: fc.array(fc.constantFrom('vip', 'beta'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    { freq: 3 },
  ),
})

export const eventArbitrary = (people: number): fc.Arbitrary<EventSpecOfPerson> =>
  fc.record({
    person: fc.integer({ min: 0, max: people - 1 }),
    name: fc.constantFrom(...eventNames),
    minute: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...edges) },
      { weight: 1, arbitrary: fc.integer({ min: -45 * 24 * 60, max: 3 * 24 * 60 }) },
    ),
    properties: propertiesArbitrary,
    identified: fc.boolean(),
  })

const duration = fc.constantFrom('1h', '36h', '2d', '7d', '30d', '8w', '5400s', '90m')
const period: fc.Arbitrary<SegmentTimeWindow> = fc
  .record({ since: fc.integer({ min: -40, max: 2 }), length: fc.option(fc.integer({ min: 1, max: 30 })) })
  .map(({ since, length }) => ({
    since: new Date(baseNow + since * 24 * HOUR).toISOString(),
    ...(length === null ? {} : { until: new Date(baseNow + (since + length) * 24 * HOUR).toISOString() }),
  }))
const timeWindow = fc.oneof(duration, period)

const comparison: fc.Arbitrary<SegmentComparison> = fc.oneof(
  scalar.map((eq) => ({ eq })),
  scalar.map((neq) => ({ neq })),
  fc
    .record({
      op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
      value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('/home', 'm', 'pro', 'b-2')),
    })
    .map(({ op, value }) => ({ [op]: value }) as SegmentComparison),
  fc
    .record({
      op: fc.constantFrom('contains', 'notContains', 'startsWith', 'endsWith'),
      value: fc.constantFrom('pr', '/pricing', 'o', 'team', '-1'),
    })
    .map(({ op, value }) => ({ [op]: value }) as SegmentComparison),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((values) => ({ in: values })),
  fc.boolean().map((exists) => ({ exists })),
)

const filter: fc.Arbitrary<SegmentFilter> = fc
  .record({
    property: fc.constantFrom(
      'total',
      'path',
      'plan',
      'tags',
      'data',
      'data.items.price',
      'data.items.sku',
      'data.flag',
      'missing.deep',
    ),
    comparison,
  })
  .map(({ property, comparison: test }) => ({ property, ...test }) as SegmentFilter)

const where = sometimes(fc.array(filter, { minLength: 1, maxLength: 1 }))
const count = fc
  .record({ op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'), value: fc.integer({ min: 0, max: 3 }) })
  .map(({ op, value }) => ({ [op]: value }))
const occurrence: fc.Arbitrary<SegmentOccurrence> = fc.oneof(
  timeWindow.map((within) => ({ within })),
  duration.map((before) => ({ before })),
)

const eventCondition = fc
  .record(
    {
      event: fc.constantFrom(...eventNames),
      where,
      count: sometimes(count),
      within: sometimes(timeWindow),
      first: sometimes(occurrence),
      last: sometimes(occurrence),
    },
    { requiredKeys: ['event'] },
  )
  .map((condition) => withoutUndefined(condition) as SegmentCondition)

const sequence = fc
  .record({
    sequence: fc.array(fc.record({ event: fc.constantFrom(...eventNames), where }).map(withoutUndefined), {
      minLength: 2,
      maxLength: 3,
    }),
    within: sometimes(timeWindow),
  })
  .map((condition) => withoutUndefined(condition) as SegmentCondition)

const attribute: fc.Arbitrary<SegmentCondition> = fc.oneof(
  fc
    .record({
      attribute: fc.constantFrom('country', 'plan', 'score', 'tags', 'email', 'userId', 'missing'),
      comparison,
    })
    .map(({ attribute: name, comparison: test }) => ({ attribute: name, ...test }) as SegmentCondition),
  fc
    .oneof(
      fc.boolean().map((eq) => ({ eq })),
      fc.boolean().map((neq) => ({ neq })),
      fc.boolean().map((exists) => ({ exists })),
    )
    .map((test) => ({ attribute: 'identified', ...test }) as SegmentCondition),
)

/** Random conditions of every form; `references` are the segment ids `{"segment"}` may name. */
export function conditionArbitrary(references: readonly string[]): fc.Arbitrary<SegmentCondition> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: eventCondition },
    { weight: 1, arbitrary: sequence },
    { weight: 2, arbitrary: attribute },
    ...(references.length > 0
      ? [{ weight: 1, arbitrary: fc.constantFrom(...references).map((segment) => ({ segment })) }]
      : []),
  )
  return fc.letrec<{ condition: SegmentCondition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('condition').map((not) => ({ not })),
    ),
  })).condition
}

/** Present one time in three: conditions that pile up every part rarely hold for anyone. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}
