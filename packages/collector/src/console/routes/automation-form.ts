import { type AutomationBody, automationBodySchema, formatIssues } from '@sillage/protocol'

/** What the editor shows: the fields as typed, so a refused form comes back as it was sent. */
export interface AutomationFormInput {
  name: string
  description: string
  /** The definition as JSON text: trigger, steps and, optionally, reentry. */
  definition: string
}

export type AutomationFormResult =
  | { ok: true; body: AutomationBody }
  | { ok: false; input: AutomationFormInput; problems: string[] }

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * The editor's form read into an automation, checked by the same schema as
 * `POST /v1/automations`, or its problems (`path: message`) with the input kept.
 * `enabled` is not a form field: a new automation starts active, an edited one keeps its state.
 *
 * @example
 * const result = readAutomationForm(await c.req.parseBody(), { enabled: true })
 */
export function readAutomationForm(form: Record<string, unknown>, options: { enabled: boolean }): AutomationFormResult {
  const input = { name: text(form.name), description: text(form.description), definition: text(form.definition) }
  let definition: unknown
  try {
    definition = JSON.parse(input.definition)
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable'
    return { ok: false, input, problems: [`definition: is not valid JSON (${reason})`] }
  }
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    const problem = 'definition: must be a JSON object such as {"trigger": {…}, "steps": […]}'
    return { ok: false, input, problems: [problem] }
  }
  const description = input.description.trim()
  const result = automationBodySchema.safeParse({
    ...definition,
    name: input.name.trim(),
    ...(description ? { description } : {}),
    enabled: options.enabled,
  })
  if (result.success) return { ok: true, body: result.data }
  return { ok: false, input, problems: formatIssues(result.error.issues) }
}

/**
 * The editor's input for an existing automation: its definition without the fields that
 * have their own inputs.
 *
 * @example
 * <AutomationEditorPage input={automationFormInput(automation)} />
 */
export function automationFormInput(automation: AutomationBody): AutomationFormInput {
  const { name, description, trigger, steps, reentry } = automation
  return {
    name,
    description: description ?? '',
    definition: JSON.stringify({ reentry, trigger: trigger.length === 1 ? trigger[0] : trigger, steps }, null, 2),
  }
}
