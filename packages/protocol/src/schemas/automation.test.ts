import { describe, expect, it } from 'vitest'
import { formatIssues } from '../format-issues.js'
import { automationBodySchema } from './automation.js'

const problems = (input: unknown) => {
  const result = automationBodySchema.safeParse(input)
  return result.success ? [] : formatIssues(result.error.issues)
}

/** Problems of an automation with these steps (and an ordinary trigger unless given). */
const stepProblems = (steps: unknown, trigger: unknown = { event: 'x' }) => problems({ name: 'a', trigger, steps })

const abandonedCart = {
  name: 'Abandoned cart',
  enabled: true,
  reentry: 'after-exit',
  trigger: { event: 'cart_updated', where: [{ property: 'data.total', gte: 20 }] },
  steps: [
    {
      waitFor: { event: 'order_completed' },
      timeout: '2h',
      then: [{ exit: 'converted' }],
      else: [
        {
          webhook: {
            endpoint: 'wh_1a2b3c',
            payload: {
              email: '{{contact.email}}',
              items: '{{trigger.properties.data.items}}',
              firstName: '{{contact.attributes.firstName}}',
            },
          },
        },
      ],
    },
  ],
}

describe('automationBodySchema', () => {
  it('accepts the abandoned-cart automation as written, with one trigger read back as a list', () => {
    const automation = automationBodySchema.parse(abandonedCart)
    expect(automation.trigger).toEqual([abandonedCart.trigger])
    expect(automation.steps).toEqual(abandonedCart.steps)
  })

  it('fills in the defaults: enabled, re-entry after exit, empty branches', () => {
    const automation = automationBodySchema.parse({
      name: 'Welcome',
      trigger: [{ segment: 'seg_1', on: 'entered' }, { event: '*' }],
      steps: [{ delay: '1d' }, { if: { attribute: 'country', eq: 'FR' }, then: [{ exit: 'fr' }] }],
    })
    expect(automation).toMatchObject({ enabled: true, reentry: 'after-exit' })
    expect(automation.steps[1]).toEqual({ if: { attribute: 'country', eq: 'FR' }, then: [{ exit: 'fr' }], else: [] })
  })

  it('names every problem with its path, however deep', () => {
    expect(
      problems({
        name: '',
        reentry: 'sometimes',
        trigger: [{ event: 'x' }, { segment: 'seg_1', on: 'joined' }],
        steps: [
          { delay: '0s' },
          { waitFor: { event: 'ordered' }, timeout: '2 hours', else: [{ webhook: { endpoint: 'https://x.test' } }] },
          { setAttribute: { name: 'email', value: '{{contact.emial}}' } },
        ],
      }),
    ).toEqual([
      'name: must not be empty',
      'reentry: must be "after-exit" (the default), "always" or "never"',
      'trigger.1.on: must be "entered" or "exited"',
      'steps.0.delay: must be at least 1 second ("1s")',
      expect.stringMatching(/^steps\.1\.timeout: "2 hours" is not a duration: write a number and a unit/),
      'steps.1.else.0.webhook.endpoint: must be a webhook endpoint id such as "wh_4f9c…" (POST /v1/webhooks gives one)',
      'steps.2.setAttribute.name: is part of who the contact is; automations cannot set it',
      expect.stringMatching(/^steps\.2\.setAttribute\.value: unknown template path "contact\.emial": use contact\.id/),
    ])
  })

  it('says what a step must look like when it is none, or two at once', () => {
    expect(stepProblems([{ wait: '2h' }, { delay: '2h', exit: 'done' }, 'exit'])).toEqual([
      'steps.0: must be a step: an object with one of delay, waitFor, if, webhook, setAttribute, exit',
      'steps.1: holds both "delay" and "exit": write one step per object',
      'steps.2: must be a step: an object with one of delay, waitFor, if, webhook, setAttribute, exit',
    ])
  })

  it('refuses unknown fields rather than ignoring a typo, at the path as sent', () => {
    const typos = { name: 'a', trigger: { event: 'x', were: [] }, steps: [{ exit: 'done' }], enable: false }
    expect(problems(typos)).toEqual(['trigger: Unrecognized key: "were"', 'Unrecognized key: "enable"'])
  })

  it('refuses a trigger that is neither an event nor a segment, and an empty list', () => {
    expect(stepProblems([{ exit: 'x' }], { page: '/cart' })).toEqual([
      'trigger: must be {"event": NAME, "where"?: [filters]} or {"segment": ID, "on": "entered" | "exited"}',
    ])
    expect(stepProblems([], [])).toEqual(['trigger: needs at least one trigger', 'steps: needs at least one step'])
  })

  it('checks the filters and conditions it is given with the segment language', () => {
    expect(stepProblems([{ if: 'vip', then: [] }], { event: 'x', where: [{ gte: 2 }] })).toEqual([
      'trigger.where.0.property: must be a string',
      'steps.0.if: must be a condition: an object with one of all, any, not, event, sequence, attribute, segment',
    ])
  })

  it('bounds the size and the nesting of a definition', () => {
    const nest = (depth: number): unknown =>
      depth === 0 ? { exit: 'deep' } : { if: { attribute: 'vip', eq: true }, then: [nest(depth - 1)] }
    expect(stepProblems([nest(9)])).toEqual([])
    expect(stepProblems([nest(10)])).toEqual(['steps: nests branches 11 deep, the limit is 10'])
    expect(stepProblems(Array.from({ length: 200 }, () => ({ delay: '1s' })))).toEqual([])
    expect(stepProblems(Array.from({ length: 201 }, () => ({ delay: '1s' })))).toEqual([
      'steps: holds 201 steps, the limit is 200',
    ])
  })

  it('keeps a payload that is plain JSON, and refuses one that is not', () => {
    const payload = { total: '{{ trigger.properties.total }}', tags: ['{{event.ordered.count}} orders'], n: { n: 1 } }
    const webhook = (payload: unknown) => [{ webhook: { endpoint: 'wh_x', payload } }]
    const parsed = automationBodySchema.parse({ name: 'a', trigger: { event: 'x' }, steps: webhook(payload) })
    expect(parsed.steps[0]).toEqual({ webhook: { endpoint: 'wh_x', payload } })
    expect(stepProblems(webhook({ blob: 'x'.repeat(70_000) }))).toEqual([
      'steps.0.webhook.payload: is 70011 bytes long, the limit is 65536',
    ])
    const deep = JSON.parse('['.repeat(40) + ']'.repeat(40))
    expect(stepProblems(webhook(deep))).toEqual(['steps.0.webhook.payload: is nested more than 32 levels deep'])
  })
})
