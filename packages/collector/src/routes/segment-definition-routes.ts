import { Hono } from 'hono'
import type { Context } from 'hono'
import type { z } from 'zod'
import { formatIssues, segmentDefinitionSchema, segmentPreviewSchema } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { explainCondition } from '../segments/evaluate-condition.js'
import { saveSegmentDefinition } from '../segments/save-segment-definition.js'
import { segmentReferences } from '../segments/segment-references.js'
import { segmentView } from '../segments/segment-view.js'
import { withSizes } from '../segments/with-sizes.js'
import type { RouteDeps } from './route-deps.js'
import { decodeMembersCursor, encodeMembersCursor, segmentExplainQuerySchema } from './segment-definition-queries.js'
import { segmentMembersQuerySchema } from './segment-definition-queries.js'

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

  app.get('/v1/segments', async (c) => {
    const segments = await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({})))
    return c.json({ segments: segments.map(segmentView) })
  })

  app.post('/v1/segments/preview', jsonBody(), async (c) => {
    const { match } = parseBody(c, segmentPreviewSchema)
    const now = deps.now()
    const { members, sample } = await store.transaction(async (tx) => {
      const segments = await tx.readSegments({})
      const matchOf = (id: string) => segments.find((segment) => segment.id === id)?.match
      const { members } = await tx.matchSegment({ match, matchOf, now, scope: { all: true } })
      const inputs = await Promise.all(
        members.slice(0, PREVIEW_SAMPLE).map((contactId) => tx.readMembershipInput({ contactId })),
      )
      return { members, sample: inputs.flatMap((input) => (input === null ? [] : [input.contact])) }
    })
    return c.json({ size: members.length, sample: sample.map(({ id, email, userId }) => ({ id, email, userId })) })
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
    await store.transaction(async (tx) => {
      const users = (await tx.readSegments({})).filter(
        (segment) => segment.id !== id && segmentReferences(segment.match).includes(id),
      )
      if (users.length > 0) {
        const names = users.map((segment) => `"${segment.name}" (${segment.id})`).join(', ')
        throw new ApiError(409, 'segment_in_use', `Segment ${id} is used by ${names}: remove those references first.`)
      }
      if (!(await tx.deleteSegment({ id }))) throw notFound(id)
    })
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
    const segment = await segmentOr404(c.req.param('id'))
    const rows = await store.transaction((tx) =>
      tx.readSegmentMembers({ segmentId: segment.id, after, limit: limit + 1 }),
    )
    const contacts = rows.slice(0, limit)
    const nextCursor = rows.length > limit ? encodeMembersCursor(contacts.at(-1)!.id) : null
    return c.json({ contacts, nextCursor })
  })

  app.get('/v1/segments/:id/explain', async (c) => {
    const { contactId } = parseQuery(c, segmentExplainQuerySchema)
    const segment = await segmentOr404(c.req.param('id'))
    // A merged-away id resolves to the survivor, whose history decides.
    const contact = await store.getContact(contactId)
    if (contact === null) throw new ApiError(404, 'not_found', `No contact with id "${contactId}".`)
    const now = deps.now()
    const explanation = await store.transaction(async (tx) => {
      const input = await tx.readMembershipInput({ contactId: contact.id })
      const memberOf = new Set((await tx.readMemberships({ contactIds: [contact.id] })).map((m) => m.segmentId))
      if (input === null) return null
      return explainCondition(segment.match, { ...input, now, isMemberOf: (id) => memberOf.has(id) })
    })
    if (explanation === null) throw new ApiError(404, 'not_found', `No contact with id "${contactId}".`)
    return c.json(explanation)
  })

  async function segmentOr404(id: string) {
    const [segment] =
      id.length <= 255 && !id.includes('\u0000')
        ? await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id })))
        : []
    if (segment === undefined) throw notFound(id)
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
