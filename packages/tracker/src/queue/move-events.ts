import type { Queue } from './queue.js'

/**
 * Moves the events still queued from anonymous id `from` to `to`: what this tab recorded
 * before it learnt that another tab's id won the first-visit race (see `createIdentity`).
 * Reads IndexedDB first, so that events another tab sent (and deleted) meanwhile are not
 * queued again. A text replace is safe: an id is a unique random string.
 *
 * @example
 * void moveEvents(queue, 'mic2v5xk-3b24…', 'mic2v5xl-9f01…')
 */
export async function moveEvents(queue: Queue, from: string, to: string): Promise<void> {
  for (const [key, json] of await queue._read()) if (json.includes(from)) queue._add(key, json.replaceAll(from, to))
}
