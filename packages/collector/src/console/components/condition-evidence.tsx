import { TimeStamp } from './time-stamp.js'

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/

const LABELS: Record<string, string> = {
  count: 'Matching events',
  first: 'First',
  last: 'Last',
  eventIds: 'Events',
  values: 'Values found',
  member: 'Member',
}

/**
 * What decided one condition, in words: matching-event counts, first and last times (in
 * the reader's zone), the event ids, the attribute values found, how many children hold.
 *
 * @example
 * <ConditionEvidence evidence={{ count: 1, first: '…', last: '…', eventIds: ['m1'] }} />
 */
export function ConditionEvidence(props: { evidence: Record<string, unknown> }) {
  const { holding, of, ...rest } = props.evidence
  const entries = Object.entries(rest)
  return (
    <>
      {typeof of === 'number' && (
        <p class="evidence-line">
          {String(holding)} of {of} hold
        </p>
      )}
      {entries.length > 0 && (
        <dl class="facts evidence">
          {entries.map(([key, value]) => (
            <>
              <dt>{LABELS[key] ?? key}</dt>
              <dd>
                <EvidenceValue value={value} />
              </dd>
            </>
          ))}
        </dl>
      )}
    </>
  )
}

function EvidenceValue(props: { value: unknown }) {
  const { value } = props
  if (value === null) return <>never</>
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return <TimeStamp iso={value} />
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>
  if (Array.isArray(value)) {
    if (value.length === 0) return <>none</>
    return <code>{value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')}</code>
  }
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>
}
