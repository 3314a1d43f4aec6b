/**
 * A definition to start from: a webhook an hour after sign-up, unless the contact has
 * ordered meanwhile. `endpointId` fills in a real endpoint when there is one.
 *
 * @example
 * <textarea>{exampleDefinition('wh_1')}</textarea>
 */
export function exampleDefinition(endpointId = 'wh_…'): string {
  const definition = {
    trigger: { event: 'signed_up' },
    steps: [
      {
        waitFor: { event: 'order_completed' },
        timeout: '1h',
        then: [{ exit: 'ordered' }],
        else: [{ webhook: { endpoint: endpointId, payload: { email: '{{contact.email}}' } } }],
      },
    ],
  }
  return JSON.stringify(definition, null, 2)
}
