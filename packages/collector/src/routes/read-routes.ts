import { Hono } from 'hono'
import type { Context } from 'hono'
import type { z } from 'zod'
import { formatIssues } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { eraseContact } from '../contacts/erase-contact.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { contactSegments } from '../segments/contact-segments.js'
import { contactsQuerySchema, eventQuerySchema } from './read-queries.js'
import type { RouteDeps } from './route-deps.js'

/**
 * The read and admin API (docs/api.md), behind `Authorization: Bearer <secret key>`:
 * the event log, the contacts list and lookup, a contact's profile and timeline, and GDPR erasure.
 *
 * @example
 * app.route('/', readRoutes(deps))
 */
export function readRoutes(deps: Pick<RouteDeps, 'store' | 'secretKey' | 'now'>): Hono<CollectorEnv> {
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  const auth = secretKeyAuth(deps)
  app.use('/v1/events', auth)
  app.use('/v1/contacts', auth)
  app.use('/v1/contacts/*', auth)

  app.get('/v1/events', async (c) => c.json(await store.listEvents(parseQuery(c, eventQuerySchema))))

  app.get('/v1/contacts', async (c) => {
    const query = parseQuery(c, contactsQuerySchema)
    if ('list' in query) return c.json(await store.listContacts(query.list))
    return c.json({ contacts: await store.findContacts(query.lookup) })
  })

  app.get('/v1/contacts/:id', async (c) => {
    const contact = await contactOr404(c.req.param('id'))
    return c.json({ ...contact, segments: await contactSegments(store, contact.id) })
  })

  app.get('/v1/contacts/:id/events', async (c) => {
    const query = parseQuery(c, eventQuerySchema)
    // A merged-away id resolves to the survivor, whose timeline holds the moved events.
    const contact = await contactOr404(c.req.param('id'))
    return c.json(await store.listEvents({ ...query, contactId: contact.id }))
  })

  app.delete('/v1/contacts/:id', async (c) => {
    const id = c.req.param('id')
    if (!isPossibleContactId(id) || !(await eraseContact(store, { id, at: deps.now().toISOString() })))
      throw notFound(id)
    return c.body(null, 204)
  })

  async function contactOr404(id: string) {
    const contact = isPossibleContactId(id) ? await store.getContact(id) : null
    if (!contact) throw notFound(id)
    return contact
  }
  return app
}

function parseQuery<Schema extends z.ZodType>(c: Context<CollectorEnv>, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(c.req.query())
  if (result.success) return result.data
  const issues = formatIssues(result.error.issues)
  throw new ApiError(400, 'invalid_query', `Invalid query: ${issues.join('; ')}`, { issues })
}

/** No store can hold such an id (PostgreSQL refuses NUL in text), so don't ask one. */
const isPossibleContactId = (id: string) => id.length <= 255 && !id.includes('\u0000')

const notFound = (id: string) => new ApiError(404, 'not_found', `No contact with id "${id}".`)
