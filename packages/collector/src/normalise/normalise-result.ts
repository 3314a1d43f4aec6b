import type { NormalisedEvent } from '../events/normalised-event.js'

/**
 * What a normaliser answers: the event to store, or why not. `tooLarge`: refused for its
 * size alone, which a single-event route answers with 413 rather than 400.
 */
export type NormaliseResult = { ok: true; event: NormalisedEvent } | { ok: false; errors: string[]; tooLarge?: true }
