import type { JsonObject } from '@sillage/protocol'
import type { TemplateContext } from '../template-context.js'
import type { AutomationRecord } from './automation-record.js'

export type RunStatus = 'active' | 'waiting' | 'exited' | 'failed'

/** One line of a run's log: when, which step (its path in the definition), what came of it. */
export interface RunLogEntry {
  at: string
  step: string
  outcome: string
}

/** What a waiting run waits for: a delay's end, or an event before a timeout. */
export type RunWait = { kind: 'delay'; timerId: string } | { kind: 'waitFor'; timerId: string }

/** One contact's way through one automation. */
export interface AutomationRun {
  id: string
  automationId: string
  contactId: string
  status: RunStatus
  exitReason: string | null
  startedAt: string
  log: RunLogEntry[]
  /** The step the run is at: indexes into the step lists, with 0 (then) or 1 (else) between them. */
  position: number[]
  waiting: RunWait | null
  /** The event or segment change that started it. */
  trigger: TemplateContext['trigger']
  /** The feed change that started it: one run per change, whatever happens. */
  triggerKey: string
}

/**
 * The record that keeps a run.
 *
 * @example
 * await tx.saveRecord({ record: runRecord(run), onlyIfNew: true })
 */
export function runRecord(run: AutomationRun): AutomationRecord {
  const { id, automationId, contactId, status, startedAt, triggerKey, ...rest } = run
  return {
    kind: 'run',
    id,
    automationId,
    endpointId: null,
    contactId,
    status,
    uniqueKey: triggerKey,
    dueAt: null,
    createdAt: startedAt,
    body: rest as unknown as JsonObject,
  }
}

/**
 * The run a record keeps.
 *
 * @example
 * const run = runOfRecord(record)
 */
export function runOfRecord(record: AutomationRecord): AutomationRun {
  const body = record.body as unknown as Omit<AutomationRun, 'id' | 'automationId' | 'contactId' | 'status'>
  return {
    ...body,
    id: record.id,
    automationId: record.automationId!,
    contactId: record.contactId!,
    status: record.status as RunStatus,
    startedAt: record.createdAt,
    triggerKey: record.uniqueKey!,
  }
}

/** A run as the API and a contact's export show it: where it stands and the outcome of each step. */
export function shownAutomationRun(run: AutomationRun) {
  const { id, automationId, contactId, status, exitReason, startedAt, log } = run
  return { id, automationId, contactId, status, exitReason, startedAt, log }
}
