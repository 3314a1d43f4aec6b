import type { NormalisedEvent } from '../events/normalised-event.js'
import { ingestEvents } from '../ingest/ingest-events.js'
import type { IngestOutcome } from '../ingest/ingest-outcome.js'
import type { CollectorMetrics } from '../metrics/collector-metrics.js'
import type { Store } from '../stores/store.js'

/**
 * Runs the ingest pipeline and resolves once the events are committed, so the caller
 * answers 200 only for what is durable. Counts outcomes and commit time. A store failure
 * propagates unchanged: the error handler turns it into a 503.
 *
 * @example
 * const { accepted, duplicates } = await commitEvents(store, metrics, events)
 */
export async function commitEvents(
  store: Store,
  metrics: CollectorMetrics,
  events: readonly NormalisedEvent[],
): Promise<Pick<IngestOutcome, 'accepted' | 'duplicates'>> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 }
  const started = performance.now()
  const { accepted, duplicates } = await ingestEvents(store, events)
  metrics.ingestDuration.observe((performance.now() - started) / 1000)
  metrics.events.inc({ outcome: 'accepted' }, accepted)
  metrics.events.inc({ outcome: 'duplicate' }, duplicates)
  return { accepted, duplicates }
}
