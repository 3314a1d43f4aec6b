import type { AutomationRun } from '../../automations/records/automation-run.js'
import { TimeStamp } from './time-stamp.js'

export interface RunTableProps {
  runs: Pick<AutomationRun, 'id' | 'automationId' | 'contactId' | 'status' | 'exitReason' | 'startedAt' | 'log'>[]
  caption: string
  /** Automation names by id: given, a column names each run's automation (a contact's runs). */
  automationNames?: ReadonlyMap<string, string>
}

/** The path of a run's page. */
export const runHref = (run: { automationId: string; id: string }) =>
  `/console/automations/${encodeURIComponent(run.automationId)}/runs/${encodeURIComponent(run.id)}`

/**
 * Runs, newest first: when each started, for whom (or in which automation), where it
 * stands, and its latest step, each linking to the run's page with its whole log.
 *
 * @example
 * <RunTable runs={runs} caption="Runs of this automation, newest first" />
 */
export function RunTable(props: RunTableProps) {
  const names = props.automationNames
  return (
    <div class="table-scroll">
      <table class="runs">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">{names ? 'Automation' : 'Contact'}</th>
            <th scope="col">Status</th>
            <th scope="col">Latest step</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => {
            const latest = run.log[run.log.length - 1]
            return (
              <tr>
                <td>
                  <a href={runHref(run)} aria-label={`Run ${run.id}`}>
                    <TimeStamp iso={run.startedAt} />
                  </a>
                </td>
                <td>
                  {names ? (
                    <a href={`/console/automations/${encodeURIComponent(run.automationId)}`}>
                      {names.get(run.automationId) ?? run.automationId}
                    </a>
                  ) : (
                    <a href={`/console/contacts/${encodeURIComponent(run.contactId)}`}>
                      <code>{run.contactId}</code>
                    </a>
                  )}
                </td>
                <td>
                  <span class={`status status-${run.status}`}>{run.status}</span>
                  {run.exitReason && <> ({run.exitReason})</>}
                </td>
                <td>{latest ? `${latest.step}: ${latest.outcome}` : '—'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
