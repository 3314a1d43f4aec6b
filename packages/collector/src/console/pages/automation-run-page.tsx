import type { AutomationRun } from '../../automations/records/automation-run.js'
import type { StoredAutomation } from '../../automations/records/stored-automation.js'
import type { StoredDelivery } from '../../automations/records/stored-delivery.js'
import { DeliveryTable, TimeStamp } from '../components/index.js'
import { runHref } from '../components/run-table.js'

export interface AutomationRunPageProps {
  automation: StoredAutomation
  run: AutomationRun
  /** The webhook messages this run sent, newest first. */
  deliveries: StoredDelivery[]
  endpointNames: ReadonlyMap<string, string>
  notice?: string
}

/**
 * One run: for whom, where it stands, the outcome of each step with its time, and the
 * webhook messages it sent with their attempts.
 *
 * @example
 * <AutomationRunPage automation={automation} run={run} deliveries={[]} endpointNames={new Map()} />
 */
export function AutomationRunPage(props: AutomationRunPageProps) {
  const { automation, run } = props
  const contactHref = `/console/contacts/${encodeURIComponent(run.contactId)}`
  return (
    <>
      <h1>Run of {automation.name}</h1>
      <p>
        <a href={`/console/automations/${encodeURIComponent(automation.id)}`}>All runs of {automation.name}</a>
      </p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <dl class="facts">
        <dt>Contact</dt>
        <dd>
          <a href={contactHref}>
            <code>{run.contactId}</code>
          </a>
        </dd>
        <dt>Status</dt>
        <dd>
          <span class={`status status-${run.status}`}>{run.status}</span>
          {run.exitReason && <> ({run.exitReason})</>}
        </dd>
        <dt>Started</dt>
        <dd>
          <TimeStamp iso={run.startedAt} />
        </dd>
        <dt>Run id</dt>
        <dd>
          <code>{run.id}</code>
        </dd>
      </dl>
      <section aria-labelledby="step-log">
        <h2 id="step-log">Step log</h2>
        <div class="table-scroll">
          <table class="step-log">
            <caption>Each step's outcome, in order</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Step</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {run.log.map((entry) => (
                <tr>
                  <td>
                    <TimeStamp iso={entry.at} />
                  </td>
                  <td>
                    <code>{entry.step}</code>
                  </td>
                  <td>{entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="run-deliveries">
        <h2 id="run-deliveries">Webhook messages</h2>
        {props.deliveries.length > 0 ? (
          <DeliveryTable
            deliveries={props.deliveries}
            caption="Messages this run sent, newest first"
            back={runHref(run)}
            endpointNames={props.endpointNames}
          />
        ) : (
          <p>This run has sent no webhook message.</p>
        )}
      </section>
    </>
  )
}
