import type { EventSummary, StoredEvent } from '@sillage/protocol'
import type { IdentifierKind } from '../../identity/identity-transaction.js'

export interface MemoryContact {
  id: string
  userId: string | null
  email: string | null
  anonymousIds: Set<string>
  createdAt: string
  updatedAt: string
}

export interface MemoryEvent extends StoredEvent {
  source: string
  seq: number
}

export interface MemoryAttribute {
  value: unknown
  timestamp: string
}

/** Everything the memory store holds; the maps mirror the SQL stores' tables and indexes. */
export interface MemoryState {
  lastSeq: number
  contacts: Map<string, MemoryContact>
  contactIdBy: Record<IdentifierKind, Map<string, string>>
  /** In insertion order. */
  events: MemoryEvent[]
  /** Per contact, in insertion order. */
  eventsByContact: Map<string, MemoryEvent[]>
  /** `source \0 messageId` of every event ever stored, erased ones included. */
  messageKeys: Set<string>
  summaries: Map<string, Map<string, EventSummary>>
  attributes: Map<string, Map<string, MemoryAttribute>>
  /** Merged-away contact id → surviving contact id (always one hop: chains are collapsed). */
  mergedInto: Map<string, string>
}

/** @example const state = createMemoryState() */
export function createMemoryState(): MemoryState {
  return {
    lastSeq: 0,
    contacts: new Map(),
    contactIdBy: { userId: new Map(), email: new Map(), anonymousId: new Map() },
    events: [],
    eventsByContact: new Map(),
    messageKeys: new Set(),
    summaries: new Map(),
    attributes: new Map(),
    mergedInto: new Map(),
  }
}

/** @example state.messageKeys.has(messageKey(event.source, event.messageId)) */
export function messageKey(source: string, messageId: string): string {
  return `${source}\u0000${messageId}`
}

/** The contact an id names today: itself, or the survivor it was merged into. */
export function resolveMemoryContactId(state: MemoryState, id: string): string {
  return state.mergedInto.get(id) ?? id
}
