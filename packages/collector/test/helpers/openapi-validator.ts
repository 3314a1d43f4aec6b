import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'

type Json = Record<string, any>

export interface RequestToCheck {
  method: string
  /** A concrete path with its query string: `/v1/contacts/c_1/events?limit=10`. */
  url: string
  /** The JSON body as sent, if any. */
  body?: unknown
}

/**
 * Checks real requests and answers against an OpenAPI 3.1 document with a JSON Schema
 * validator of its own (ajv), so a document that says less or otherwise than the routes
 * do fails the test that uses it.
 *
 * @example
 * const validator = openApiValidator(await (await app.request('/openapi.json')).json())
 * expect(validator.requestProblems({ method: 'POST', url: '/v1/batch', body })).toEqual([])
 */
export function openApiValidator(document: Json) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true })
  ;(addFormats as unknown as (ajv: Ajv2020) => void)(ajv)
  const compiled = new Map<object, ValidateFunction>()
  const validate = (schema: object, value: unknown, where: string): string[] => {
    let check = compiled.get(schema)
    if (!check) compiled.set(schema, (check = ajv.compile(schema)))
    if (check(value)) return []
    return (check.errors ?? []).map((error: ErrorObject) => `${where}${error.instancePath} ${error.message}`)
  }

  /** The document's operation for a concrete method and path, or null. */
  function operationFor(method: string, url: string): Json | null {
    const path = new URL(url, 'http://collector').pathname
    for (const [template, operations] of Object.entries(document.paths as Json)) {
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)
      if (pattern.test(path)) return (operations as Json)[method.toLowerCase()] ?? null
    }
    return null
  }

  return {
    operationFor,
    /** Every way the request departs from the document; [] when it conforms. */
    requestProblems(request: RequestToCheck): string[] {
      const operation = operationFor(request.method, request.url)
      if (!operation) return [`${request.method} ${request.url} is not in the document`]
      const query = new URL(request.url, 'http://collector').searchParams
      const problems: string[] = []
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if (parameter.in !== 'query') continue
        const value = query.get(parameter.name)
        if (value === null) {
          if (parameter.required) problems.push(`query ${parameter.name} is required`)
          continue
        }
        const typed = ['integer', 'number'].includes(parameter.schema.type) ? Number(value) : value
        problems.push(...validate(parameter.schema, typed, `query ${parameter.name}`))
      }
      for (const name of query.keys()) {
        const known = ((operation.parameters ?? []) as Json[]).some((p) => p.in === 'query' && p.name === name)
        if (!known && name !== 'writeKey') problems.push(`query ${name} is not documented`)
      }
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema
      if (bodySchema) problems.push(...validate(bodySchema, request.body, 'body'))
      else if (request.body !== undefined) problems.push('a body the document does not describe')
      return problems
    },
    /** Every way the answer departs from the document; [] when it conforms. */
    async responseProblems(request: RequestToCheck, response: Response): Promise<string[]> {
      const operation = operationFor(request.method, request.url)
      if (!operation) return [`${request.method} ${request.url} is not in the document`]
      const documented = operation.responses[String(response.status)]
      if (!documented) return [`status ${response.status} of ${request.method} ${request.url} is not documented`]
      const content = documented.content as Json | undefined
      if (!content) {
        const text = await response.clone().text()
        return text === '' ? [] : [`${response.status} has a body the document does not describe`]
      }
      const [type, media] = Object.entries(content)[0]!
      const sent = response.headers.get('content-type')
      if (!sent?.startsWith(type)) return [`content-type ${sent}, documented ${type}`]
      return media.schema ? validate(media.schema, await response.clone().json(), `${response.status} body`) : []
    },
  }
}
