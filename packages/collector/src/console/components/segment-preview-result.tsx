import type { SegmentPreview } from '../../segments/preview-segment.js'
import type { SegmentFormProblems } from '../routes/segment-form.js'
import { NumberText } from './number-text.js'

export interface SegmentPreviewResultProps {
  /** The count and sample, when the condition was valid and previewed. */
  preview?: SegmentPreview
  /** Why the condition could not be previewed. */
  problems?: SegmentFormProblems
}

/**
 * The builder's live count: how many contacts the condition matches now and the first few
 * of them, or why it cannot be counted yet. Rendered in the page after "Preview", and
 * alone as the answer the console script fetches while the person types.
 *
 * @example
 * <SegmentPreviewResult preview={{ size: 2, sample }} />
 */
export function SegmentPreviewResult(props: SegmentPreviewResultProps) {
  const problems = props.problems?.match ?? []
  if (problems.length > 0) {
    return (
      <div data-preview-result>
        <p>Not counted: the condition is not valid yet.</p>
        <ul class="problems">
          {problems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      </div>
    )
  }
  const { preview } = props
  if (!preview) {
    return (
      <div data-preview-result>
        <p class="help">Press Preview to count the contacts this condition matches now, without saving it.</p>
      </div>
    )
  }
  // `data-valid` tells the console script the condition's earlier problems are fixed.
  return (
    <div data-preview-result data-valid>
      <p>
        <strong>
          <NumberText value={preview.size} /> {preview.size === 1 ? 'contact matches' : 'contacts match'}
        </strong>{' '}
        this condition now.
      </p>
      {preview.sample.length > 0 && (
        <ul class="sample" aria-label={preview.size > preview.sample.length ? 'Some of them' : 'They are'}>
          {preview.sample.map((contact) => (
            <li>
              <a href={`/console/contacts/${encodeURIComponent(contact.id)}`}>
                {contact.email ?? contact.userId ?? contact.id}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
