import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateCondition } from './evaluate-condition.js'
import type { MembershipEvent } from './membership-input.js'
import { nextChangeAt } from './next-change-at.js'
import { baseNow, clockMinutes, conditionArbitrary, eventArbitrary } from './segment-arbitraries.test-suite.js'

const MINUTE = 60_000
/** The lengths the generated conditions use: where a window or threshold can be crossed. */
const lengths = [60, 90, 36 * 60, 48 * 60, 7 * 24 * 60, 30 * 24 * 60, 8 * 7 * 24 * 60].map(
  (minutes) => minutes * MINUTE,
)
const contact = { id: 'c1', email: null, userId: 'u1', attributes: { country: 'FR' } }

describe('nextChangeAt', () => {
  it('is never later than the first instant membership changes with time alone', () => {
    const events = fc.array(eventArbitrary(1), { maxLength: 12 }).map((specs) =>
      specs.map(
        (spec, index): MembershipEvent => ({
          id: `e${index}`,
          name: spec.name,
          timestamp: new Date(baseNow + spec.minute * MINUTE).toISOString(),
          properties: spec.properties,
        }),
      ),
    )
    fc.assert(
      fc.property(events, conditionArbitrary([]), fc.constantFrom(...clockMinutes), (history, match, clock) => {
        const now = new Date(baseNow + clock * MINUTE)
        const member = evaluateCondition(match, { contact, events: history, now })
        const next = nextChangeAt(match, { contact, events: history, now })
        const horizon = next === null ? now.getTime() + 120 * 24 * 60 * MINUTE : next.getTime()
        expect(horizon).toBeGreaterThan(now.getTime())
        // Every instant before the horizon where something could cross (events and their edges),
        // and the instant just before it.
        const probes = [
          ...history.flatMap((event) => [0, 1, ...lengths].map((length) => Date.parse(event.timestamp) + length)),
          horizon - 1,
        ]
        for (const at of probes.filter((probe) => probe > now.getTime() && probe < horizon)) {
          expect(
            evaluateCondition(match, { contact, events: history, now: new Date(at) }),
            `${JSON.stringify(match)} at ${new Date(at).toISOString()}`,
          ).toBe(member)
        }
      }),
      { numRuns: 1500 },
    )
  })
})
