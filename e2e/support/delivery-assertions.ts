import { expect } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import type { SentEventsRecorder } from './sent-events.js'

/**
 * The zero-loss, zero-duplicate check every scenario ends with:
 * - no messageId is stored twice;
 * - every messageId the browser put on the wire (any attempt, any transport) is stored.
 * Together with an exact count of the stored events per name, nothing was lost or doubled.
 */
export function expectEverySentEventStoredOnce(
  stored: readonly StoredEvent[],
  ...recorders: SentEventsRecorder[]
): void {
  const sent = recorders.flatMap((recorder) => recorder.events())
  expect(
    recorders.flatMap((recorder) => recorder.undecodable()),
    'request bodies that were not JSON',
  ).toEqual([])
  const storedIds = stored.map((event) => event.messageId)
  const storedTwice = storedIds.filter((id, index) => storedIds.indexOf(id) !== index)
  expect(storedTwice, 'messageIds stored more than once').toEqual([])
  const storedSet = new Set(storedIds)
  const sentNotStored = [...new Set(sent.map((event) => event.messageId))].filter((id) => !storedSet.has(id))
  expect(sentNotStored, 'messageIds sent but never stored').toEqual([])
}

/** Properties of the stored events named `name`, oldest first. */
export function propertiesOf(stored: readonly StoredEvent[], name: string): Record<string, unknown>[] {
  return stored.filter((event) => event.name === name).map((event) => event.properties)
}
