import type { StoredEndpoint } from '../../automations/records/stored-endpoint.js'

/**
 * The endpoint's signing secret, shown this once (after it was added, or its secret
 * rotated): the receiver checks each delivery's `webhook-signature` with it.
 *
 * @example
 * <WebhookSecretPage endpoint={endpoint} secret="whsec_…" rotated={false} />
 */
export function WebhookSecretPage(props: { endpoint: StoredEndpoint; secret: string; rotated: boolean }) {
  const href = `/console/webhooks/${encodeURIComponent(props.endpoint.id)}`
  return (
    <section>
      <h1>{props.rotated ? 'New signing secret' : 'Endpoint added'}</h1>
      <p class="notice" role="status">
        {props.rotated
          ? 'The secret is rotated: for 24 hours deliveries are signed with the old and the new one.'
          : `Deliveries to ${props.endpoint.url} are signed with this secret.`}{' '}
        Copy it into your receiver now: it is not shown again.
      </p>
      <label for="secret">Signing secret</label>
      <input id="secret" class="secret" readonly value={props.secret} />
      <dl class="facts">
        <dt>Endpoint id</dt>
        <dd>
          <code>{props.endpoint.id}</code> (for an automation's webhook step)
        </dd>
      </dl>
      <p>
        <a href={href}>Go to the endpoint</a>
      </p>
    </section>
  )
}
