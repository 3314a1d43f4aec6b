import { z } from 'zod'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import { contactSchema, storedEventSchema } from '../openapi/response-schemas.js'
import { changeSchema } from './change-operations.js'

const instant = z.string().meta({ description: 'ISO-8601 date-time, UTC' })
const records = (description: string) => z.array(z.record(z.string(), z.unknown())).meta({ description })

const contactExportSchema = z.object({
  exportedAt: instant,
  contact: contactSchema,
  events: z.array(storedEventSchema).meta({ description: 'Every stored event of the contact, newest first' }),
  merges: z.array(z.object({ mergedId: z.string(), mergedAt: instant })).meta({ description: 'Contacts merged in' }),
  changes: z.array(changeSchema).meta({ description: 'Its change-feed entries, and those of contacts merged in' }),
  segments: records('The segments it is in (empty until segments are kept)'),
  runs: records('Automation runs about it (empty until automations are kept)'),
  deliveries: records('Webhook deliveries that carried it (empty until deliveries are kept)'),
})

/** Access requests: the personal-data export. */
export const privacyOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/contacts/:id/export',
    tag: 'Read and admin',
    summary: 'Everything stored about a contact, as one JSON document (access request)',
    description:
      'The contact with its identifiers, attributes and summaries, all its events, the contacts merged into it, ' +
      'its change-feed entries, and the segments, automation runs and webhook deliveries about it. The id of a ' +
      'contact merged into another exports the survivor. After `DELETE /v1/contacts/{id}` it answers 404.',
    auth: 'secretKey',
    responses: { 200: { description: 'The export', schema: contactExportSchema }, ...refusals(401, 404, 503) },
  },
]
