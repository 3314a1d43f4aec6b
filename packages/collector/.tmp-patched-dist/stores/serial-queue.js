/**
 * Runs async tasks one after another. A store whose connection can hold only one
 * transaction at a time (better-sqlite3, the memory maps) must never let two async
 * ingest pipelines interleave their steps; this queue is that guarantee.
 *
 * @example
 * const writes = new SerialQueue()
 * await writes.run(() => transaction(events))
 */
export class SerialQueue {
    tail = Promise.resolve();
    run(task) {
        const result = this.tail.then(task);
        this.tail = result.catch(() => undefined);
        return result;
    }
}
//# sourceMappingURL=serial-queue.js.map