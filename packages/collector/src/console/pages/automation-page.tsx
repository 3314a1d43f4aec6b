import type { AutomationRun } from '../../automations/records/automation-run.js'
import type { StoredAutomation } from '../../automations/records/stored-automation.js'
import { EmptyState, RunTable, TimeStamp } from '../components/index.js'
import { automationFormInput } from '../routes/automation-form.js'
import { AutomationTabs } from './automation-tabs.js'
import { triggerSummary } from './trigger-summary.js'

export interface AutomationPageProps {
  automation: StoredAutomation
  /** One page of its runs, newest first. */
  runs: AutomationRun[]
  nextCursor: string | null
  cursor?: string
  /** What was just done, to confirm it. */
  notice?: string
}

/**
 * One automation: its state with the actions on it (edit, pause or resume, delete), its
 * definition, and its runs page by page.
 *
 * @example
 * <AutomationPage automation={automation} runs={runs} nextCursor={null} />
 */
export function AutomationPage(props: AutomationPageProps) {
  const { automation } = props
  const href = `/console/automations/${encodeURIComponent(automation.id)}`
  return (
    <>
      <h1>{automation.name}</h1>
      <AutomationTabs />
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <div class="actions-row">
        <a href={`${href}/edit`}>Edit</a>
        <form method="post" action={`${href}/${automation.enabled ? 'pause' : 'resume'}`}>
          <button type="submit">{automation.enabled ? 'Pause' : 'Resume'}</button>
        </form>
        <a href={`${href}/delete`}>Delete…</a>
      </div>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          {automation.enabled ? 'active: triggers start runs' : 'paused: triggers start no run; runs under way go on'}
        </dd>
        <dt>Trigger</dt>
        <dd>{triggerSummary(automation.trigger)}</dd>
        <dt>Re-entry</dt>
        <dd>{automation.reentry}</dd>
        {automation.description && (
          <>
            <dt>Description</dt>
            <dd>{automation.description}</dd>
          </>
        )}
        <dt>Id</dt>
        <dd>
          <code>{automation.id}</code>
        </dd>
        <dt>Updated</dt>
        <dd>
          <TimeStamp iso={automation.updatedAt} />
        </dd>
      </dl>
      <section aria-labelledby="definition">
        <h2 id="definition">Definition</h2>
        <pre class="example" tabindex={0} aria-label="Definition as JSON">
          <code>{automationFormInput(automation).definition}</code>
        </pre>
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">Runs</h2>
        {props.runs.length > 0 ? (
          <RunTable runs={props.runs} caption="Runs of this automation, newest first" />
        ) : (
          <EmptyState title={props.cursor ? 'No more runs' : 'No run yet'}>
            <p>
              {props.cursor ? (
                <a href={href}>Back to the newest runs</a>
              ) : (
                `A run starts for a contact when ${triggerSummary(automation.trigger)} happens.`
              )}
            </p>
          </EmptyState>
        )}
        <nav class="pager" aria-label="Run pages">
          {props.cursor && <a href={href}>Newest runs</a>}
          {props.nextCursor && (
            <a href={`${href}?cursor=${encodeURIComponent(props.nextCursor)}`} rel="next">
              Older runs
            </a>
          )}
        </nav>
      </section>
    </>
  )
}
