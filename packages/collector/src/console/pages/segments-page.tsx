import type { SegmentWithSize } from '../../segments/stored-segment.js'
import { EmptyState, NumberText, TimeStamp } from '../components/index.js'
import { SegmentStatus } from '../components/segment-status.js'
import { SEGMENT_EXAMPLE } from './segment-example.js'

export interface SegmentsPageProps {
  segments: SegmentWithSize[]
  /** Names a segment that was just deleted. */
  deleted?: string
}

/**
 * Segments: each with its member count, whether it is still computing, and when it was
 * last changed; or, when there is none, what a segment is and how to make the first one.
 *
 * @example
 * <SegmentsPage segments={await readSegments(store)} />
 */
export function SegmentsPage(props: SegmentsPageProps) {
  return (
    <>
      <h1>Segments</h1>
      {props.deleted && (
        <p class="notice" role="status">
          Deleted the segment {props.deleted}.
        </p>
      )}
      <p class="actions">
        <a href="/console/segments/new">New segment</a>
      </p>
      {props.segments.length > 0 ? (
        <div class="table-scroll">
          <table class="segments">
            <caption>Segments, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" class="num">
                  Members
                </th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {props.segments.map((segment) => (
                <tr data-segment-row>
                  <td>
                    <a href={`/console/segments/${encodeURIComponent(segment.id)}`}>{segment.name}</a>
                    {segment.description && <div class="help">{segment.description}</div>}
                  </td>
                  <td class="num">
                    <NumberText value={segment.size} />
                  </td>
                  <td>
                    <SegmentStatus segment={segment} />
                  </td>
                  <td>
                    <TimeStamp iso={segment.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No segments yet">
          <p>
            A segment is a saved condition on contacts, such as “{SEGMENT_EXAMPLE.name}”: {SEGMENT_EXAMPLE.description}.
            Its members are kept up to date as events arrive. <a href="/console/segments/new">Create a segment</a> from
            this example and change it to your own events:
          </p>
          <pre class="example" tabindex={0} aria-label="Example condition">
            <code>{JSON.stringify(SEGMENT_EXAMPLE.match, null, 2)}</code>
          </pre>
        </EmptyState>
      )}
    </>
  )
}
