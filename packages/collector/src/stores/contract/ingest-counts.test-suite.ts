import type { NormalisedEvent } from '../../events/normalised-event.js'
import { ingestEvents } from '../../ingest/ingest-events.js'
import type { Store } from '../store.js'

/** Runs the ingest pipeline on `store` and returns the two counts the HTTP answer gives. */
export async function ingest(
  store: Store,
  events: readonly NormalisedEvent[],
): Promise<{ accepted: number; duplicates: number }> {
  const { accepted, duplicates } = await ingestEvents(store, events)
  return { accepted, duplicates }
}
