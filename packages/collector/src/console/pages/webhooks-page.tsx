import type { StoredEndpoint } from '../../automations/records/stored-endpoint.js'
import { TimeStamp } from '../components/index.js'
import { AutomationTabs } from './automation-tabs.js'
import { FormProblems } from './form-problems.js'

export interface WebhookFormInput {
  url: string
  description: string
}

export interface WebhooksPageProps {
  endpoints: StoredEndpoint[]
  /** The new-endpoint form as typed, when it was refused. */
  input: WebhookFormInput
  problems: readonly string[]
  notice?: string
}

/**
 * Webhook endpoints: the list, and the form that adds one (its headers are sent with
 * every delivery and never shown again, here or by the API).
 *
 * @example
 * <WebhooksPage endpoints={endpoints} input={{ url: '', description: '' }} problems={[]} />
 */
export function WebhooksPage(props: WebhooksPageProps) {
  const invalid = props.problems.length > 0 ? 'true' : undefined
  return (
    <>
      <h1>Webhook endpoints</h1>
      <AutomationTabs current="webhooks" />
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.endpoints.length > 0 ? (
        <div class="table-scroll">
          <table class="endpoints">
            <caption>Endpoints automations post to, newest first</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Description</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {props.endpoints.map((endpoint) => (
                <tr>
                  <td>
                    <a href={`/console/webhooks/${encodeURIComponent(endpoint.id)}`}>{endpoint.url}</a>
                  </td>
                  <td>{endpoint.description ?? '—'}</td>
                  <td>
                    <span class={`status status-${endpoint.enabled ? 'active' : 'paused'}`}>
                      {endpoint.enabled ? 'enabled' : 'disabled'}
                    </span>
                  </td>
                  <td>
                    <TimeStamp iso={endpoint.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No endpoint yet: add one below, then use its id in an automation's webhook step.</p>
      )}
      <section aria-labelledby="new-endpoint">
        <h2 id="new-endpoint">Add an endpoint</h2>
        <FormProblems problems={props.problems} />
        <form method="post" action="/console/webhooks" class="editor">
          <label for="url">URL</label>
          <input
            id="url"
            name="url"
            type="url"
            value={props.input.url}
            required
            placeholder="https://example.com/hooks/sillage"
            aria-invalid={invalid}
          />
          <label for="description">Description (optional)</label>
          <input id="description" name="description" value={props.input.description} />
          <label for="headers">Headers (optional)</label>
          <p class="help" id="headers-help">
            One per line, <code>Name: value</code>, e.g. <code>Authorization: Bearer …</code>. Sent with every delivery;
            never shown again{invalid ? ', so type them again after a refusal' : ''}.
          </p>
          <textarea id="headers" name="headers" rows={3} spellcheck={false} aria-describedby="headers-help"></textarea>
          <p class="actions">
            <button type="submit">Add endpoint</button>
          </p>
        </form>
      </section>
    </>
  )
}
