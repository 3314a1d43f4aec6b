import type { SegmentPreview } from '../../segments/preview-segment.js'
import { SegmentPreviewResult } from '../components/segment-preview-result.js'
import type { SegmentFormInput, SegmentFormProblems } from '../routes/segment-form.js'

export interface SegmentEditorPageProps {
  /** The segment being edited; absent for a new one. */
  segment?: { id: string; name: string }
  input: SegmentFormInput
  /** Set after a refused save: each problem beside its field, with its path. */
  problems?: SegmentFormProblems
  /** Set after "Preview" (or the problems that kept it from counting). */
  preview?: SegmentPreview
  previewProblems?: SegmentFormProblems
}

/**
 * The segment builder: name, description and the condition as JSON, with the live count
 * (a Preview button, and counts fetched as the person types when the script runs), Save
 * and, for an existing segment, Cancel back to it. What was typed is always kept.
 *
 * @example
 * <SegmentEditorPage input={{ name: '', description: '', match: SEGMENT_EXAMPLE_MATCH }} />
 */
export function SegmentEditorPage(props: SegmentEditorPageProps) {
  const { segment, input, problems = {} } = props
  const base = segment ? `/console/segments/${encodeURIComponent(segment.id)}` : '/console/segments'
  const action = segment ? `${base}/edit` : '/console/segments/new'
  const all = [...(problems.name ?? []), ...(problems.description ?? []), ...(problems.match ?? [])]
  return (
    <>
      <h1>{segment ? `Edit ${segment.name}` : 'New segment'}</h1>
      {all.length > 0 && (
        <div class="error form-problems" role="alert">
          Not saved: {all.length === 1 ? 'one problem' : `${all.length} problems`} to fix, marked beside{' '}
          {all.length === 1 ? 'its field' : 'their fields'} below.
        </div>
      )}
      <form method="post" action={action} class="segment-editor" data-segment-preview="/console/segments/preview">
        <div class="field">
          <label for="name">Name</label>
          <input
            id="name"
            name="name"
            value={input.name}
            aria-invalid={problems.name ? 'true' : undefined}
            aria-describedby={problems.name ? 'name-problems' : undefined}
          />
          <FieldProblems id="name-problems" problems={problems.name} />
        </div>
        <div class="field">
          <label for="description">Description (optional)</label>
          <input
            id="description"
            name="description"
            value={input.description}
            aria-invalid={problems.description ? 'true' : undefined}
            aria-describedby={problems.description ? 'description-problems' : undefined}
          />
          <FieldProblems id="description-problems" problems={problems.description} />
        </div>
        <div class="field">
          <label for="match">Condition (JSON)</label>
          <p class="help" id="match-help">
            Groups <code>all</code>, <code>any</code>, <code>not</code>; conditions on an <code>event</code> (with{' '}
            <code>count</code>, <code>within</code>, <code>first</code>, <code>last</code>, <code>where</code>), a{' '}
            <code>sequence</code>, an <code>attribute</code> (<code>email</code>, <code>userId</code>,{' '}
            <code>identified</code> too) or another <code>segment</code>. Times: <code>"30d"</code>, <code>"2h"</code>{' '}
            or <code>{'{"since": ISO}'}</code>.
          </p>
          <textarea
            id="match"
            name="match"
            rows={14}
            spellcheck={false}
            aria-invalid={problems.match ? 'true' : undefined}
            aria-describedby={problems.match ? 'match-help match-problems' : 'match-help'}
          >
            {/* The parser drops one newline after <textarea>: this one, never a newline the person typed. */}
            {`\n${input.match}`}
          </textarea>
          <FieldProblems id="match-problems" problems={problems.match} />
        </div>
        <div class="actions">
          <button type="submit" name="intent" value="save">
            Save segment
          </button>
          <button type="submit" name="intent" value="preview" class="secondary">
            Preview
          </button>
          <a href={segment ? base : '/console/segments'}>Cancel</a>
        </div>
      </form>
      <section aria-labelledby="live-count" class="preview">
        <h2 id="live-count">Live count</h2>
        <div aria-live="polite" data-preview-region>
          <SegmentPreviewResult preview={props.preview} problems={props.previewProblems} />
        </div>
      </section>
    </>
  )
}

function FieldProblems(props: { id: string; problems?: string[] }) {
  if (!props.problems?.length) return null
  return (
    <ul id={props.id} class="problems field-problems">
      {props.problems.map((problem) => (
        <li>{problem}</li>
      ))}
    </ul>
  )
}
