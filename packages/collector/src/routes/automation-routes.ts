import { Hono } from 'hono'
import { automationBodySchema } from '@sillage/protocol'
import type { AutomationRecord } from '../automations/records/automation-record.js'
import { runOfRecord, shownAutomationRun } from '../automations/records/automation-run.js'
import { recordId } from '../automations/records/record-id.js'
import {
  automationOfRecord,
  automationRecord,
  type StoredAutomation,
} from '../automations/records/stored-automation.js'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { pageQuerySchema, runQuerySchema } from './automation-schemas.js'
import { isPossibleId, parseBody, parseQuery } from './parse-request.js'
import { recordPage, recordPageRequest } from './record-page.js'
import type { RouteDeps } from './route-deps.js'

const shownRun = (record: AutomationRecord) => shownAutomationRun(runOfRecord(record))

/**
 * Automations: `POST /v1/automations` (201), `GET /v1/automations`,
 * `GET|PUT|DELETE /v1/automations/:id`; their runs: `GET /v1/automations/:id/runs` and
 * `GET /v1/contacts/:id/runs`. A PUT applies to runs from their next step on.
 *
 * @example
 * app.route('/', automationRoutes(deps))
 */
export function automationRoutes(deps: Pick<RouteDeps, 'store' | 'secretKey' | 'now'>): Hono<CollectorEnv> {
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  app.use('/v1/automations', secretKeyAuth(deps))
  app.use('/v1/automations/*', secretKeyAuth(deps))
  app.use('/v1/contacts/:id/runs', secretKeyAuth(deps))

  app.post('/v1/automations', jsonBody(), async (c) => {
    const body = parseBody(c, automationBodySchema, 'automation')
    const at = deps.now().toISOString()
    const automation: StoredAutomation = { ...body, id: recordId('au'), createdAt: at, updatedAt: at }
    await store.transaction((tx) => tx.saveRecord({ record: automationRecord(automation) }))
    return c.json(automation, 201)
  })

  app.get('/v1/automations', async (c) => {
    const page = parseQuery(c, pageQuerySchema)
    const found = await store.transaction((tx) => tx.findRecords({ kind: 'automation', ...recordPageRequest(page) }))
    const { records, nextCursor } = recordPage(found, page.limit)
    return c.json({ automations: records.map(automationOfRecord), nextCursor })
  })

  app.get('/v1/automations/:id', async (c) => c.json(await automationOr404(c.req.param('id'))))

  app.put('/v1/automations/:id', jsonBody(), async (c) => {
    const body = parseBody(c, automationBodySchema, 'automation')
    const existing = await automationOr404(c.req.param('id'))
    const automation: StoredAutomation = {
      ...body,
      id: existing.id,
      createdAt: existing.createdAt,
      updatedAt: deps.now().toISOString(),
    }
    await store.transaction((tx) => tx.saveRecord({ record: automationRecord(automation) }))
    return c.json(automation)
  })

  app.delete('/v1/automations/:id', async (c) => {
    const id = c.req.param('id')
    if (!isPossibleId(id) || !(await store.transaction((tx) => tx.deleteRecord({ kind: 'automation', id })))) {
      throw notFound(id)
    }
    return c.body(null, 204)
  })

  app.get('/v1/automations/:id/runs', async (c) => {
    const { limit, cursor, contactId, status } = parseQuery(c, runQuerySchema)
    const automation = await automationOr404(c.req.param('id'))
    const found = await store.transaction((tx) =>
      tx.findRecords({
        kind: 'run',
        automationId: automation.id,
        ...(contactId ? { contactId } : {}),
        ...(status ? { status } : {}),
        ...recordPageRequest({ limit, cursor }),
      }),
    )
    const { records, nextCursor } = recordPage(found, limit)
    return c.json({ runs: records.map(shownRun), nextCursor })
  })

  app.get('/v1/contacts/:id/runs', async (c) => {
    const { status, limit, cursor } = parseQuery(c, runQuerySchema.omit({ contactId: true }))
    const id = c.req.param('id')
    // A merged-away id answers with the survivor's runs, like the contact's other routes.
    const contact = isPossibleId(id) ? await store.getContact(id) : null
    if (contact === null) throw new ApiError(404, 'not_found', `No contact with id "${id.slice(0, 100)}".`)
    const page = recordPageRequest({ limit, cursor })
    const found = await store.transaction((tx) =>
      tx.findRecords({ kind: 'run', contactId: contact.id, ...(status ? { status } : {}), ...page }),
    )
    const { records, nextCursor } = recordPage(found, limit)
    return c.json({ runs: records.map(shownRun), nextCursor })
  })

  async function automationOr404(id: string): Promise<StoredAutomation> {
    if (!isPossibleId(id)) throw notFound(id)
    const [record] = await store.transaction((tx) => tx.findRecords({ kind: 'automation', id, limit: 1 }))
    if (record === undefined) throw notFound(id)
    return automationOfRecord(record)
  }
  return app
}

const notFound = (id: string) =>
  new ApiError(404, 'not_found', `No automation with id "${id.slice(0, 100)}": GET /v1/automations lists them.`)
