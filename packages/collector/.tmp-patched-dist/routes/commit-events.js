/**
 * Hands normalised events to the store and resolves once they are committed, so the
 * caller answers 200 only for what is durable. Counts outcomes and commit time.
 * A store failure propagates unchanged: the error handler turns it into a 503.
 *
 * @example
 * const { accepted, duplicates } = await commitEvents(store, metrics, events)
 */
export async function commitEvents(store, metrics, events) {
    if (events.length === 0)
        return { accepted: 0, duplicates: 0 };
    const started = performance.now();
    const result = await store.ingest(events);
    metrics.ingestDuration.observe((performance.now() - started) / 1000);
    metrics.events.inc({ outcome: 'accepted' }, result.accepted);
    metrics.events.inc({ outcome: 'duplicate' }, result.duplicates);
    return result;
}
//# sourceMappingURL=commit-events.js.map