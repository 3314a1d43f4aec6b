import { ingestEvents } from '../../identity/ingest-events.js';
import { SerialQueue } from '../serial-queue.js';
import { createMemoryState } from './memory-state.js';
import { deleteMemoryContact, findMemoryContacts, getMemoryContact, listMemoryEvents } from './memory-reads.js';
import { MemoryTransaction } from './memory-transaction.js';
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
export class MemoryStore {
    description = 'memory:';
    state = createMemoryState();
    queue = new SerialQueue();
    async open() { }
    async close() { }
    async isHealthy() {
        return true;
    }
    ingest(events) {
        return this.queue.run(() => ingestEvents(new MemoryTransaction(this.state), events));
    }
    listEvents(query) {
        return this.queue.run(() => listMemoryEvents(this.state, query));
    }
    findContacts(lookup) {
        return this.queue.run(() => findMemoryContacts(this.state, lookup));
    }
    getContact(id) {
        return this.queue.run(() => getMemoryContact(this.state, id));
    }
    deleteContact(id) {
        return this.queue.run(() => deleteMemoryContact(this.state, id));
    }
}
/** @example const store = createMemoryStore() */
export function createMemoryStore() {
    return new MemoryStore();
}
//# sourceMappingURL=memory-store.js.map