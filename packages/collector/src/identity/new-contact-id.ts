import { randomUUID } from 'node:crypto'

/**
 * A new contact's id: a UUID version 7 (RFC 9562), its first 48 bits the creation time in
 * milliseconds, the rest random.
 *
 * Contact ids key the per-contact indexes every event writes to (events by contact,
 * event summaries, anonymous ids). With random v4 ids each new visitor's rows land on a
 * random page of each index, and every such page is written to the WAL again at commit;
 * time-ordered ids put them beside the other recent contacts', on pages that are already
 * being written, so each commit writes fewer pages (bench/README.md has the figures).
 * Still a UUID to everything that reads it.
 *
 * @example
 * newContactId() // '019ab1c4-5e2f-7a3b-9c1d-2e3f4a5b6c7d'
 */
export function newContactId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0')
  // randomUUID() is 'xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx': keep its random tail from the
  // third group on (its variant bits included) and put the version 7 before it.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`
}
