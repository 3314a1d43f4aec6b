import type { ContactDetail, EventPage } from '@sillage/protocol'
import { ingestEvents } from '../../identity/ingest-events.js'
import { SerialQueue } from '../serial-queue.js'
import type { ContactLookup, EventQuery, IngestResult, NormalisedEvent, Store } from '../store.js'
import { createMemoryState, messageKey } from './memory-state.js'
import { deleteMemoryContact, findMemoryContacts, getMemoryContact, listMemoryEvents } from './memory-reads.js'
import { MemoryTransaction } from './memory-transaction.js'

/**
 * A store that keeps everything in the process's memory: for tests, demos and
 * benchmarks. Everything is lost when the process ends. Calls run one at a time, so a
 * reader never sees an ingest half done.
 *
 * @example
 * const store = createStore('memory:')
 * await store.open()
 * await store.ingest([event])
 */
export class MemoryStore implements Store {
  readonly description = 'memory:'
  private readonly state = createMemoryState()
  private readonly queue = new SerialQueue()

  async open(): Promise<void> {}

  async close(): Promise<void> {}

  async isHealthy(): Promise<boolean> {
    return true
  }

  ingest(events: readonly NormalisedEvent[]): Promise<IngestResult> {
    return this.queue.run(() => ingestEvents(new MemoryTransaction(this.state), events))
  }

  knownMessageIds(source: string, messageIds: readonly string[]): Promise<string[]> {
    return this.queue.run(() => messageIds.filter((id) => this.state.messageKeys.has(messageKey(source, id))))
  }

  listEvents(query: EventQuery): Promise<EventPage> {
    return this.queue.run(() => listMemoryEvents(this.state, query))
  }

  findContacts(lookup: ContactLookup): Promise<ContactDetail[]> {
    return this.queue.run(() => findMemoryContacts(this.state, lookup))
  }

  getContact(id: string): Promise<ContactDetail | null> {
    return this.queue.run(() => getMemoryContact(this.state, id))
  }

  deleteContact(id: string): Promise<boolean> {
    return this.queue.run(() => deleteMemoryContact(this.state, id))
  }
}

/** @example const store = createMemoryStore() */
export function createMemoryStore(): MemoryStore {
  return new MemoryStore()
}
