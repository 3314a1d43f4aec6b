import { formatIssues, segmentDefinitionSchema, segmentPreviewSchema } from '@sillage/protocol'
import type { SegmentCondition, SegmentDefinition } from '@sillage/protocol'
import type { z } from 'zod'

/** The builder's fields as the person typed them: kept as typed whatever is wrong with them. */
export interface SegmentFormInput {
  name: string
  description: string
  /** The condition as JSON text. */
  match: string
}

/** What is wrong, by field, each problem as `path: message` (`match.all.0.count.gte: must be a number`). */
export type SegmentFormProblems = Partial<Record<keyof SegmentFormInput, string[]>>

export type SegmentFormResult<T> = { ok: true; value: T } | { ok: false; problems: SegmentFormProblems }

const FIELDS = ['name', 'description', 'match'] as const

/**
 * The builder's fields from a posted form; anything missing or not text reads as empty.
 *
 * @example
 * const input = segmentFormInput(await c.req.parseBody())
 */
export function segmentFormInput(body: Record<string, unknown>): SegmentFormInput {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '')
  return { name: text('name'), description: text('description'), match: text('match') }
}

/**
 * The segment definition the fields hold, or the problems of each field, checked by the
 * same schema as `POST /v1/segments`.
 *
 * @example
 * readSegmentDefinition({ name: '', description: '', match: '{"event":"x"}' })
 * // { ok: false, problems: { name: ['name: must not be empty'] } }
 */
export function readSegmentDefinition(input: SegmentFormInput): SegmentFormResult<SegmentDefinition> {
  const match = parseMatchJson(input.match)
  const result = segmentDefinitionSchema.safeParse({
    name: input.name,
    description: input.description === '' ? undefined : input.description,
    match: match.ok ? match.value : null,
  })
  const problems = result.success ? {} : problemsByField(result.error)
  if (!match.ok) problems.match = match.problems.match
  return result.success && match.ok ? { ok: true, value: result.data } : { ok: false, problems }
}

/**
 * The condition alone, for a preview: the name and description may still be empty.
 *
 * @example
 * readSegmentMatch('{"event":"signup"}') // { ok: true, value: { event: 'signup' } }
 */
export function readSegmentMatch(text: string): SegmentFormResult<SegmentCondition> {
  const match = parseMatchJson(text)
  if (!match.ok) return match
  const result = segmentPreviewSchema.safeParse({ match: match.value })
  return result.success
    ? { ok: true, value: result.data.match }
    : { ok: false, problems: problemsByField(result.error) }
}

function parseMatchJson(text: string): SegmentFormResult<unknown> {
  if (text.trim() === '') {
    return { ok: false, problems: { match: ['match: is required: a condition as JSON, e.g. {"event": "signup"}'] } }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error)
    return { ok: false, problems: { match: [`match: is not valid JSON (${reason}); check quotes and commas`] } }
  }
}

function problemsByField(error: z.ZodError): SegmentFormProblems {
  const problems: SegmentFormProblems = {}
  error.issues.forEach((issue, index) => {
    const field = FIELDS.find((name) => name === issue.path[0]) ?? 'match'
    const line = formatIssues([issue])[0] ?? `issue ${index}`
    problems[field] = [...(problems[field] ?? []), line]
  })
  return problems
}
