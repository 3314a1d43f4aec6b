import type { StoredDelivery } from '../../automations/records/stored-delivery.js'
import type { StoredEndpoint } from '../../automations/records/stored-endpoint.js'
import { DeliveryTable, TimeStamp } from '../components/index.js'
import { AutomationTabs } from './automation-tabs.js'

export interface WebhookEndpointPageProps {
  endpoint: StoredEndpoint
  /** Its latest messages, newest first. */
  deliveries: StoredDelivery[]
  notice?: string
}

/**
 * One webhook endpoint: where it posts, whether it is enabled, its actions (rotate the
 * secret, disable or enable, delete) and its latest messages with Replay.
 *
 * @example
 * <WebhookEndpointPage endpoint={endpoint} deliveries={deliveries} />
 */
export function WebhookEndpointPage(props: WebhookEndpointPageProps) {
  const { endpoint } = props
  const href = `/console/webhooks/${encodeURIComponent(endpoint.id)}`
  const headerNames = Object.keys(endpoint.headers)
  return (
    <>
      <h1>{endpoint.description ?? endpoint.url}</h1>
      <AutomationTabs />
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <div class="actions-row">
        <form method="post" action={`${href}/rotate-secret`}>
          <button type="submit">Rotate secret</button>
        </form>
        <form method="post" action={`${href}/${endpoint.enabled ? 'disable' : 'enable'}`}>
          <button type="submit">{endpoint.enabled ? 'Disable' : 'Enable'}</button>
        </form>
        <a href={`${href}/delete`}>Delete…</a>
      </div>
      <dl class="facts">
        <dt>URL</dt>
        <dd>{endpoint.url}</dd>
        <dt>Status</dt>
        <dd>{endpoint.enabled ? 'enabled' : 'disabled: messages to it fail; enable it, then replay them'}</dd>
        <dt>Endpoint id</dt>
        <dd>
          <code>{endpoint.id}</code>
        </dd>
        <dt>Headers</dt>
        <dd>{headerNames.length > 0 ? `${headerNames.join(', ')} (values not shown)` : 'none'}</dd>
        <dt>Created</dt>
        <dd>
          <TimeStamp iso={endpoint.createdAt} />
        </dd>
      </dl>
      <section aria-labelledby="endpoint-deliveries">
        <h2 id="endpoint-deliveries">Messages</h2>
        {props.deliveries.length > 0 ? (
          <DeliveryTable deliveries={props.deliveries} caption="Latest messages to this endpoint" back={href} />
        ) : (
          <p>No message yet: automations with a webhook step to this endpoint send them.</p>
        )}
      </section>
    </>
  )
}
