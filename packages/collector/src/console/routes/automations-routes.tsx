import { Hono } from 'hono'
import { runOfRecord } from '../../automations/records/automation-run.js'
import { recordId } from '../../automations/records/record-id.js'
import { deliveryOfRecord } from '../../automations/records/stored-delivery.js'
import { endpointOfRecord } from '../../automations/records/stored-endpoint.js'
import {
  automationOfRecord,
  automationRecord,
  type StoredAutomation,
} from '../../automations/records/stored-automation.js'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { isPossibleId } from '../../routes/parse-request.js'
import { recordPage, recordPageRequest } from '../../routes/record-page.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { AutomationEditorPage } from '../pages/automation-editor-page.js'
import { AutomationPage } from '../pages/automation-page.js'
import { AutomationRunPage } from '../pages/automation-run-page.js'
import { AutomationsPage } from '../pages/automations-page.js'
import { ConfirmDeletePage } from '../pages/confirm-delete-page.js'
import { exampleDefinition } from '../pages/example-definition.js'
import { automationFormInput, readAutomationForm } from './automation-form.js'
import { renderConsolePage } from './render-console-page.js'
import { type WebhooksRoutesOptions, webhooksRoutes } from './webhooks-routes.js'

const RUNS_PAGE_SIZE = 50
/** As many as `GET /v1/automations` lists. */
const MAX_LISTED = 1000
/** A run's messages: one per webhook step it passed, so few. */
const RUN_DELIVERIES_SHOWN = 100

/** What a redirect after an action asks the next page to confirm. */
const NOTICES: Record<string, string> = {
  saved: 'Saved. Runs under way follow the new definition from their next step on.',
  created: 'Created: the automation is active.',
  paused: 'Paused: its triggers start no run until it is resumed. Runs under way go on.',
  resumed: 'Resumed: its triggers start runs again.',
  replayed: 'Replayed: the message is being sent again now.',
}

/**
 * The Automations section: `GET /console/automations` (the list), `GET|POST …/new` and
 * `GET|POST …/:id/edit` (the editor), `GET …/:id` (definition and runs, paged),
 * `POST …/:id/pause|resume`, `GET|POST …/:id/delete`, `GET …/:id/runs/:runId` (a run's
 * step log and messages), and the webhook endpoints and deliveries under it.
 *
 * @example
 * app.route('/', automationsRoutes({ deps, assets, allowPrivateWebhooks: false }))
 */
export function automationsRoutes(options: WebhooksRoutesOptions): Hono<CollectorEnv> {
  const { deps, assets } = options
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  const page = (title: string, status?: 400) => ({
    assets,
    title,
    section: 'automations' as const,
    signedIn: true,
    status,
  })
  const notice = (key: string | undefined) => (key === undefined ? undefined : NOTICES[key])
  const save = (automation: StoredAutomation) =>
    store.transaction((tx) => tx.saveRecord({ record: automationRecord(automation) }))

  app.get('/automations', async (c) => {
    const [records, endpoints] = await store.transaction((tx) =>
      Promise.all([
        tx.findRecords({ kind: 'automation', limit: MAX_LISTED }),
        tx.findRecords({ kind: 'webhook-endpoint', limit: 1 }),
      ]),
    )
    return renderConsolePage(
      c,
      page('Automations'),
      <AutomationsPage
        automations={records.map(automationOfRecord)}
        hasEndpoints={endpoints.length > 0}
        deleted={c.req.query('deleted')}
      />,
    )
  })

  app.get('/automations/new', async (c) => {
    const [endpoint] = await store.transaction((tx) => tx.findRecords({ kind: 'webhook-endpoint', limit: 1 }))
    const input = { name: '', description: '', definition: exampleDefinition(endpoint?.id) }
    return renderConsolePage(c, page('New automation'), <AutomationEditorPage input={input} problems={[]} />)
  })

  app.post('/automations/new', async (c) => {
    const form = readAutomationForm(await c.req.parseBody(), { enabled: true })
    if (!form.ok) {
      return renderConsolePage(
        c,
        page('New automation', 400),
        <AutomationEditorPage input={form.input} problems={form.problems} />,
      )
    }
    const at = deps.now().toISOString()
    const automation: StoredAutomation = { ...form.body, id: recordId('au'), createdAt: at, updatedAt: at }
    await save(automation)
    return c.redirect(`/console/automations/${encodeURIComponent(automation.id)}?done=created`, 303)
  })

  app.get('/automations/:id', async (c) => {
    const automation = await automationOr404(c.req.param('id'))
    const cursor = c.req.query('cursor') || undefined
    const request = recordPageRequest({ limit: RUNS_PAGE_SIZE, cursor })
    const found = await store.transaction((tx) =>
      tx.findRecords({ kind: 'run', automationId: automation.id, ...request }),
    )
    const { records, nextCursor } = recordPage(found, RUNS_PAGE_SIZE)
    const runs = records.map(runOfRecord)
    return renderConsolePage(
      c,
      page(automation.name),
      <AutomationPage
        automation={automation}
        runs={runs}
        nextCursor={nextCursor}
        cursor={cursor}
        notice={notice(c.req.query('done'))}
      />,
    )
  })

  app.get('/automations/:id/edit', async (c) => {
    const automation = await automationOr404(c.req.param('id'))
    return renderConsolePage(
      c,
      page(`Edit ${automation.name}`),
      <AutomationEditorPage id={automation.id} input={automationFormInput(automation)} problems={[]} />,
    )
  })

  app.post('/automations/:id/edit', async (c) => {
    const existing = await automationOr404(c.req.param('id'))
    const form = readAutomationForm(await c.req.parseBody(), { enabled: existing.enabled })
    if (!form.ok) {
      return renderConsolePage(
        c,
        page(`Edit ${existing.name}`, 400),
        <AutomationEditorPage id={existing.id} input={form.input} problems={form.problems} />,
      )
    }
    const { id, createdAt } = existing
    await save({ ...form.body, id, createdAt, updatedAt: deps.now().toISOString() })
    return c.redirect(`/console/automations/${encodeURIComponent(id)}?done=saved`, 303)
  })

  for (const action of ['pause', 'resume'] as const) {
    app.post(`/automations/:id/${action}`, async (c) => {
      const automation = await automationOr404(c.req.param('id'))
      const enabled = action === 'resume'
      await save({ ...automation, enabled, updatedAt: deps.now().toISOString() })
      return c.redirect(`/console/automations/${encodeURIComponent(automation.id)}?done=${action}d`, 303)
    })
  }

  app.get('/automations/:id/delete', async (c) => {
    const automation = await automationOr404(c.req.param('id'))
    const href = `/console/automations/${encodeURIComponent(automation.id)}`
    return renderConsolePage(
      c,
      page(`Delete ${automation.name}`),
      <ConfirmDeletePage
        title={`Delete “${automation.name}”?`}
        action={`${href}/delete`}
        back={href}
        button="Delete this automation"
      >
        <p>
          Its triggers will start no more runs, and runs under way stop at their next step. Runs already logged and the
          webhook messages they sent are kept. This cannot be undone: to stop it for a while, pause it instead.
        </p>
      </ConfirmDeletePage>,
    )
  })

  app.post('/automations/:id/delete', async (c) => {
    const automation = await automationOr404(c.req.param('id'))
    if (!(await store.transaction((tx) => tx.deleteRecord({ kind: 'automation', id: automation.id })))) {
      throw notFound(automation.id)
    }
    return c.redirect(`/console/automations?deleted=${encodeURIComponent(automation.name)}`, 303)
  })

  app.get('/automations/:id/runs/:runId', async (c) => {
    const automation = await automationOr404(c.req.param('id'))
    const runId = c.req.param('runId')
    const [record] = isPossibleId(runId)
      ? await store.transaction((tx) =>
          tx.findRecords({ kind: 'run', id: runId, automationId: automation.id, limit: 1 }),
        )
      : []
    if (record === undefined) {
      const shown = runId.slice(0, 100)
      throw new ApiError(404, 'not_found', `No run "${shown}" of ${automation.name}: its page lists the runs.`)
    }
    const run = runOfRecord(record)
    const [deliveryRecords, endpointRecords] = await store.transaction((tx) =>
      Promise.all([
        tx.findRecords({
          kind: 'delivery',
          automationId: automation.id,
          contactId: run.contactId,
          limit: RUN_DELIVERIES_SHOWN,
        }),
        tx.findRecords({ kind: 'webhook-endpoint', limit: MAX_LISTED }),
      ]),
    )
    const deliveries = deliveryRecords.map(deliveryOfRecord).filter((delivery) => delivery.runId === run.id)
    const endpointNames = new Map(
      endpointRecords.map(endpointOfRecord).map((endpoint) => [endpoint.id, endpoint.description ?? endpoint.url]),
    )
    return renderConsolePage(
      c,
      page(`Run of ${automation.name}`),
      <AutomationRunPage
        automation={automation}
        run={run}
        deliveries={deliveries}
        endpointNames={endpointNames}
        notice={notice(c.req.query('done'))}
      />,
    )
  })

  app.route('/', webhooksRoutes(options))

  async function automationOr404(id: string): Promise<StoredAutomation> {
    if (!isPossibleId(id)) throw notFound(id)
    const [record] = await store.transaction((tx) => tx.findRecords({ kind: 'automation', id, limit: 1 }))
    if (record === undefined) throw notFound(id)
    return automationOfRecord(record)
  }
  return app
}

const notFound = (id: string) =>
  new ApiError(404, 'not_found', `No automation with id "${id.slice(0, 100)}": it may have been deleted.`)
