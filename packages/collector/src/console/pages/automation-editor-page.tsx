import type { AutomationFormInput } from '../routes/automation-form.js'
import { FormProblems } from './form-problems.js'

export interface AutomationEditorPageProps {
  /** Absent for a new automation. */
  id?: string
  input: AutomationFormInput
  problems: readonly string[]
}

/**
 * The automation editor: name, description and the definition as JSON (trigger, steps,
 * reentry), with the problems of a refused save above it and the input as it was typed.
 *
 * @example
 * <AutomationEditorPage input={{ name: '', description: '', definition }} problems={[]} />
 */
export function AutomationEditorPage(props: AutomationEditorPageProps) {
  const { input } = props
  const href = props.id ? `/console/automations/${encodeURIComponent(props.id)}` : '/console/automations'
  const invalid = props.problems.length > 0 ? 'true' : undefined
  return (
    <section>
      <h1>{props.id ? `Edit ${input.name || 'automation'}` : 'New automation'}</h1>
      <FormProblems problems={props.problems} />
      <form method="post" action={props.id ? `${href}/edit` : '/console/automations/new'} class="editor">
        <label for="name">Name</label>
        <input id="name" name="name" value={input.name} required maxlength={200} />
        <label for="description">Description (optional)</label>
        <input id="description" name="description" value={input.description} maxlength={2000} />
        <label for="definition">Definition (JSON)</label>
        <p class="help" id="definition-help">
          <code>trigger</code> (an event or a segment change, or a list of them), <code>steps</code> (delay, waitFor,
          if, webhook, setAttribute, exit) and optionally <code>reentry</code> (after-exit, always, never).
        </p>
        <textarea
          id="definition"
          name="definition"
          rows={18}
          spellcheck={false}
          aria-describedby={invalid ? 'definition-help form-problems' : 'definition-help'}
          aria-invalid={invalid}
        >
          {input.definition}
        </textarea>
        <p class="actions">
          <button type="submit">Save</button> <a href={href}>Cancel</a>
        </p>
      </form>
    </section>
  )
}
