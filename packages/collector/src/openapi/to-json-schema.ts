import { z } from 'zod'
import type { JsonSchema } from './api-operation.js'

/**
 * A zod schema as the JSON Schema of an OpenAPI 3.1 document: `input` for what a client
 * sends (before transforms: an id may be a number), `output` for what the collector answers.
 * Free-form JSON objects are zod custom checks, which JSON Schema says as `type: object`.
 *
 * @example
 * toJsonSchema(brevoEventSchema, 'input') // { type: 'object', properties: { event_name: … }, required: [...] }
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'custom') jsonSchema.type = 'object'
    },
  })
  delete json.$schema
  return json
}
