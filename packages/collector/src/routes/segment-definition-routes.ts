import { Hono } from 'hono'
import type { Context } from 'hono'
import type { z } from 'zod'
import { formatIssues, segmentDefinitionSchema, segmentPreviewSchema } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { deleteSegmentDefinition } from '../segments/delete-segment-definition.js'
import { explainMembership } from '../segments/explain-membership.js'
import { decodeMembersCursor } from '../segments/members-cursor.js'
import { previewSegment } from '../segments/preview-segment.js'
import { readSegment, readSegmentDefinition, readSegments } from '../segments/read-segments.js'
import { saveSegmentDefinition } from '../segments/save-segment-definition.js'
import { segmentMembersPage } from '../segments/segment-members-page.js'
import { segmentView } from '../segments/segment-view.js'
import type { RouteDeps } from './route-deps.js'
import { segmentExplainQuerySchema, segmentMembersQuerySchema } from './segment-definition-queries.js'

/** Contacts a preview shows. */
const PREVIEW_SAMPLE = 10

export type SegmentRouteDeps = Pick<RouteDeps, 'store' | 'secretKey' | 'now'> & {
  /** Told after a segment is created or edited, so its computation starts at once. */
  onSegmentsSaved?: () => void
}

/**
 * Saved segments (docs/segments.md), behind the secret key: create, list, read, edit and
 * delete them, list their members, preview a condition without saving it, and explain why
 * a contact is in or out.
 *
 * @example
 * app.route('/', segmentDefinitionRoutes(deps))
 */
export function segmentDefinitionRoutes(deps: SegmentRouteDeps): Hono<CollectorEnv> {
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  app.use('/v1/segments', secretKeyAuth(deps))
  app.use('/v1/segments/*', secretKeyAuth(deps))

  app.post('/v1/segments', jsonBody(), async (c) => {
    const definition = parseBody(c, segmentDefinitionSchema)
    const saved = await saveSegmentDefinition(store, { definition, at: deps.now().toISOString() })
    deps.onSegmentsSaved?.()
    return c.json(segmentView(saved!), 201)
  })

  app.get('/v1/segments', async (c) => c.json({ segments: (await readSegments(store)).map(segmentView) }))

  app.post('/v1/segments/preview', jsonBody(), async (c) => {
    const { match } = parseBody(c, segmentPreviewSchema)
    return c.json(await previewSegment(store, { match, now: deps.now(), sampleSize: PREVIEW_SAMPLE }))
  })

  app.get('/v1/segments/:id', async (c) => c.json(segmentView(await segmentOr404(c.req.param('id')))))

  app.put('/v1/segments/:id', jsonBody(), async (c) => {
    const definition = parseBody(c, segmentDefinitionSchema)
    const id = c.req.param('id')
    const saved = await saveSegmentDefinition(store, { id, definition, at: deps.now().toISOString() })
    if (saved === null) throw notFound(id)
    deps.onSegmentsSaved?.()
    return c.json(segmentView(saved))
  })

  app.delete('/v1/segments/:id', async (c) => {
    const id = c.req.param('id')
    if (!(await deleteSegmentDefinition(store, id))) throw notFound(id)
    return c.body(null, 204)
  })

  app.get('/v1/segments/:id/contacts', async (c) => {
    const { limit, cursor } = parseQuery(c, segmentMembersQuerySchema)
    const after = cursor === undefined ? undefined : decodeMembersCursor(cursor)
    if (after === null)
      throw new ApiError(
        400,
        'invalid_cursor',
        'Invalid cursor: pass the nextCursor of a previous page unchanged, or omit it.',
      )
    const id = c.req.param('id')
    const page = await segmentMembersPage(store, { segmentId: id, after, limit })
    if (page === null) throw notFound(id)
    return c.json(page)
  })

  app.get('/v1/segments/:id/explain', async (c) => {
    const { contactId } = parseQuery(c, segmentExplainQuerySchema)
    const id = c.req.param('id')
    const segment = await readSegmentDefinition(store, id)
    if (segment === null) throw notFound(id)
    // A merged-away id resolves to the survivor, whose history decides.
    const contact = await store.getContact(contactId)
    const explanation = contact && (await explainMembership(store, { segment, contactId: contact.id, now: deps.now() }))
    if (!explanation) throw new ApiError(404, 'not_found', `No contact with id "${contactId}".`)
    return c.json(explanation)
  })

  async function segmentOr404(id: string) {
    const segment = await readSegment(store, id)
    if (segment === null) throw notFound(id)
    return segment
  }
  return app
}

function parseBody<Schema extends z.ZodType>(c: Context<CollectorEnv>, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(c.var.body)
  if (result.success) return result.data
  const issues = formatIssues(result.error.issues)
  throw new ApiError(400, 'invalid_segment', `Invalid segment: ${issues.join('; ')}`, { issues })
}

function parseQuery<Schema extends z.ZodType>(c: Context<CollectorEnv>, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(c.req.query())
  if (result.success) return result.data
  const issues = formatIssues(result.error.issues)
  throw new ApiError(400, 'invalid_query', `Invalid query: ${issues.join('; ')}`, { issues })
}

const notFound = (id: string) => new ApiError(404, 'not_found', `No segment with id "${id}".`)
