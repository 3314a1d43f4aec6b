const WIDTH = 720
const HEIGHT = 200
const PLOT = { top: 16, right: 8, bottom: 28, left: 48 }

export interface DayCount {
  /** `YYYY-MM-DD`, UTC. */
  day: string
  count: number
}

/**
 * Events per day as an SVG bar chart drawn on the server (no script, no chart library),
 * with a text description for screen readers and each bar's count in its tooltip.
 *
 * @example
 * <EventsChart days={[{ day: '2026-01-30', count: 12 }, { day: '2026-01-31', count: 40 }]} />
 */
export function EventsChart(props: { days: DayCount[] }) {
  const { days } = props
  const max = Math.max(1, ...days.map((day) => day.count))
  const plotWidth = WIDTH - PLOT.left - PLOT.right
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom
  const slot = plotWidth / Math.max(1, days.length)
  const total = days.reduce((sum, day) => sum + day.count, 0)
  const busiest = days.reduce<DayCount | undefined>(
    (best, day) => (!best || day.count > best.count ? day : best),
    undefined,
  )
  const description =
    days.length === 0
      ? 'No days to show.'
      : `${total} events from ${days[0]!.day} to ${days.at(-1)!.day} (UTC days); ` +
        `busiest day ${busiest!.day} with ${busiest!.count}.`
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id="chart-title">Events per day</title>
      <desc id="chart-desc">{description}</desc>
      <line class="axis" x1={PLOT.left} y1={PLOT.top + plotHeight} x2={WIDTH - PLOT.right} y2={PLOT.top + plotHeight} />
      <text class="tick" x={PLOT.left - 6} y={PLOT.top + 4} text-anchor="end">
        {max.toLocaleString('en-US')}
      </text>
      <text class="tick" x={PLOT.left - 6} y={PLOT.top + plotHeight} text-anchor="end">
        0
      </text>
      {days.map((day, index) => {
        const height = (day.count / max) * plotHeight
        return (
          <rect
            class="bar"
            x={PLOT.left + index * slot + slot * 0.15}
            y={PLOT.top + plotHeight - height}
            width={slot * 0.7}
            height={height}
          >
            <title>{`${day.day}: ${day.count.toLocaleString('en-US')} events`}</title>
          </rect>
        )
      })}
      {days.length > 0 && (
        <>
          <text class="tick" x={PLOT.left} y={HEIGHT - 8}>
            {days[0]!.day}
          </text>
          <text class="tick" x={WIDTH - PLOT.right} y={HEIGHT - 8} text-anchor="end">
            {days.at(-1)!.day}
          </text>
        </>
      )}
    </svg>
  )
}
