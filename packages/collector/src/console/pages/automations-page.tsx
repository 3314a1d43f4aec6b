import type { StoredAutomation } from '../../automations/records/stored-automation.js'
import { EmptyState, TimeStamp } from '../components/index.js'
import { AutomationTabs } from './automation-tabs.js'
import { exampleDefinition } from './example-definition.js'
import { triggerSummary } from './trigger-summary.js'

/**
 * Every automation: what starts it and whether it is active; or, when there is none, how
 * to write the first one.
 *
 * @example
 * <AutomationsPage automations={automations} hasEndpoints deleted={undefined} />
 */
export function AutomationsPage(props: { automations: StoredAutomation[]; hasEndpoints: boolean; deleted?: string }) {
  return (
    <>
      <h1>Automations</h1>
      <AutomationTabs current="automations" />
      {props.deleted && (
        <p class="notice" role="status">
          Deleted the automation “{props.deleted}”.
        </p>
      )}
      <p class="actions">
        <a href="/console/automations/new">New automation</a>
      </p>
      {props.automations.length === 0 ? (
        <EmptyState title="No automation yet">
          <p>
            An automation starts a run for a contact when an event or a segment change triggers it, then follows its
            steps: delays, waiting for an event, conditions, attributes and webhooks.{' '}
            {props.hasEndpoints ? (
              <>
                <a href="/console/automations/new">Write the first one</a>, for example:
              </>
            ) : (
              <>
                To post to your own service, first <a href="/console/webhooks">add a webhook endpoint</a>, then{' '}
                <a href="/console/automations/new">write the automation</a>, for example:
              </>
            )}
          </p>
          <pre class="example" tabindex={0} aria-label="Example definition">
            <code>{exampleDefinition()}</code>
          </pre>
        </EmptyState>
      ) : (
        <div class="table-scroll">
          <table class="automations">
            <caption>Automations, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {props.automations.map((automation) => (
                <tr>
                  <td>
                    <a href={`/console/automations/${encodeURIComponent(automation.id)}`}>{automation.name}</a>
                  </td>
                  <td>{triggerSummary(automation.trigger)}</td>
                  <td>
                    <span class={`status status-${automation.enabled ? 'active' : 'paused'}`}>
                      {automation.enabled ? 'active' : 'paused'}
                    </span>
                  </td>
                  <td>
                    <TimeStamp iso={automation.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
