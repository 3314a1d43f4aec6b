/**
 * The two pages of the Automations section, as links under its heading.
 *
 * @example
 * <AutomationTabs current="webhooks" />
 */
export function AutomationTabs(props: { current?: 'automations' | 'webhooks' }) {
  return (
    <nav class="tabs" aria-label="Automations section">
      <a href="/console/automations" aria-current={props.current === 'automations' ? 'page' : undefined}>
        Automations
      </a>
      <a href="/console/webhooks" aria-current={props.current === 'webhooks' ? 'page' : undefined}>
        Webhook endpoints
      </a>
    </nav>
  )
}
