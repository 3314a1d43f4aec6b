import { Hono } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { exportContact } from '../privacy/export-contact.js'
import type { RouteDeps } from './route-deps.js'

/**
 * `GET /v1/contacts/:id/export`, behind the secret key: everything stored about a contact
 * as one JSON document, to answer an access request (erasure is `DELETE /v1/contacts/:id`).
 *
 * @example
 * app.route('/', privacyRoutes(deps))
 */
export function privacyRoutes(
  deps: Pick<RouteDeps, 'store' | 'secretKey' | 'now' | 'exportSections'>,
): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  app.get('/v1/contacts/:id/export', secretKeyAuth(deps), async (c) => {
    const id = c.req.param('id')
    // No store can hold such an id (PostgreSQL refuses NUL in text), so don't ask one.
    const possible = id.length <= 255 && !id.includes('\u0000')
    const sections = deps.exportSections
    const document = possible ? await exportContact(deps.store, { id, at: deps.now(), sections }) : null
    if (document === null) throw new ApiError(404, 'not_found', `No contact with id "${id}".`)
    c.header('Content-Disposition', `attachment; filename="contact-${document.contact.id}.json"`)
    return c.json(document)
  })
  return app
}
