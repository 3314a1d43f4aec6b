import { isBlockedIdentifier } from '@sillage/protocol'
import type { SerialisedEvent } from '../events/normalised-event.js'

/** The identifiers of one event that the identity rules may act on. */
export interface EventIdentifiers {
  userId: string | null
  email: string | null
  anonymousId: string | null
  /** `alias` only: the older id (an anonymousId or a userId) to merge into `userId`. */
  previousId: string | null
}

/**
 * Reads the identifiers an event may use: placeholder values (`null`, `0`, `guest`…) are
 * dropped even though the HTTP layer already drops them, because one leaked placeholder
 * glues strangers together forever; an `unverified` event keeps only its anonymousId,
 * since its userId/email claim could be anyone's.
 *
 * @example
 * readEventIdentifiers({ ...event, userId: 'null', anonymousId: 'a1' })
 * // → { userId: null, email: null, anonymousId: 'a1', previousId: null }
 */
export function readEventIdentifiers(event: SerialisedEvent): EventIdentifiers {
  const claimsTrusted = event.identity !== 'unverified'
  const email = usable(event.email)?.trim().toLowerCase() ?? null
  return {
    userId: claimsTrusted ? usable(event.userId) : null,
    email: claimsTrusted ? email : null,
    anonymousId: usable(event.anonymousId),
    previousId: claimsTrusted ? usable(event.previousId) : null,
  }
}

function usable(value: string | null): string | null {
  return value === null || isBlockedIdentifier(value) ? null : value
}
