import { describe, expect, it } from 'vitest'
import type { TemplateContext } from './template-context.js'
import { webhookBody } from './webhook-body.js'

const context: TemplateContext = {
  contact: { id: 'c_1', email: 'ada@example.com', userId: 'u_1', attributes: { firstName: 'Ada' } },
  trigger: { name: 'cart_updated', properties: { total: 42 }, timestamp: '2026-12-04T02:00:00.000Z', messageId: 'm-1' },
  event: {},
}
const common = { context, automation: { id: 'au_1', name: 'Abandoned cart' }, run: { id: 'run_1' } }
const createdAt = new Date('2026-12-04T03:00:00.000Z')

describe('webhookBody', () => {
  it('sends the standard body when the step has no payload', () => {
    expect(JSON.parse(webhookBody({ ...common, createdAt }))).toEqual({
      type: 'automation.webhook',
      timestamp: '2026-12-04T03:00:00.000Z',
      data: {
        automation: { id: 'au_1', name: 'Abandoned cart' },
        run: { id: 'run_1' },
        contact: context.contact,
        trigger: context.trigger,
      },
    })
  })

  it('sends the rendered payload when there is one, and null as JSON null', () => {
    const payload = {
      email: '{{contact.email}}',
      total: '{{trigger.properties.total}}',
      missing: '{{contact.attributes.x}}',
    }
    expect(webhookBody({ ...common, createdAt, payload })).toBe('{"email":"ada@example.com","total":42,"missing":null}')
    expect(webhookBody({ ...common, createdAt, payload: null })).toBe('null')
  })
})
