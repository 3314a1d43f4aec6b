import type { Store } from '../../stores/store.js'

/** What the engine reads about a contact: its record and summaries, and its events. */
export type ContactReads = Pick<Store, 'getContact' | 'listEvents'>
