import type { SegmentWithSize } from '../../segments/stored-segment.js'

/**
 * A segment's computation state in words: "Ready", or "Computing… 40%" while the background
 * computation goes over the stored history (its member count is partial until then).
 *
 * @example
 * <SegmentStatus segment={segment} />
 */
export function SegmentStatus(props: { segment: Pick<SegmentWithSize, 'status' | 'progress'> }) {
  const { status, progress } = props.segment
  if (status === 'ready') return <span class="status ready">Ready</span>
  const percent = Math.floor(progress * 100)
  return (
    <span class="status computing">
      Computing… <progress max={100} value={percent} aria-label="Computation progress" /> {percent}%
    </span>
  )
}
