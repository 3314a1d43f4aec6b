import type { SegmentWithSize } from '../../segments/stored-segment.js'
import { NumberText } from '../components/index.js'

/**
 * The confirmation step before deleting a segment: what goes, and the one button that
 * does it (a POST, so no link, prefetch or crawler can delete anything).
 *
 * @example
 * <DeleteSegmentPage segment={segment} />
 */
export function DeleteSegmentPage(props: { segment: SegmentWithSize }) {
  const { segment } = props
  const href = `/console/segments/${encodeURIComponent(segment.id)}`
  return (
    <section>
      <h1>Delete {segment.name}?</h1>
      <p>
        This deletes the segment's definition and its list of <NumberText value={segment.size} /> members. The contacts
        and their events stay. It cannot be undone: copy the condition from the segment page first if you may need it.
      </p>
      <form method="post" action={`${href}/delete`} class="danger">
        <button type="submit">Delete this segment</button> <a href={href}>Cancel</a>
      </form>
    </section>
  )
}
