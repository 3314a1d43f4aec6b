import type { AutomationTrigger } from '@sillage/protocol'

const filters = (count: number) => (count === 1 ? ' (1 filter)' : count > 1 ? ` (${count} filters)` : '')

/**
 * An automation's triggers in a few words, for the list: what starts a run.
 *
 * @example
 * triggerSummary([{ event: 'cart_updated', where: [f] }]) // 'event cart_updated (1 filter)'
 */
export function triggerSummary(triggers: readonly AutomationTrigger[]): string {
  return triggers
    .map((trigger) =>
      'segment' in trigger
        ? `${trigger.on} segment ${trigger.segment}`
        : `${trigger.event === '*' ? 'any event' : `event ${trigger.event}`}${filters(trigger.where?.length ?? 0)}`,
    )
    .join(' or ')
}
