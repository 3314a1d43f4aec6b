import { durationMs } from '@sillage/protocol'
import { evaluateCondition } from '../../segments/evaluate-condition.js'
import { segmentReferences } from '../../segments/segment-references.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { newDelivery } from '../../webhooks/delivery-state.js'
import { renderTemplate } from '../render-template.js'
import { webhookBody } from '../webhook-body.js'
import type { AutomationRun, RunLogEntry } from '../records/automation-run.js'
import { runRecord } from '../records/automation-run.js'
import { recordId } from '../records/record-id.js'
import { deliveryRecord } from '../records/stored-delivery.js'
import type { StoredAutomation } from '../records/stored-automation.js'
import type { ContactReads } from './contact-reads.js'
import type { PageRecords } from './page-records.js'
import { contactSnapshot, membershipInput, templateContext } from './contact-snapshot.js'
import type { SegmentMembership } from './segment-membership.js'
import { describePosition, enterBranch, nextPosition, stepAt, type StepPosition } from './step-position.js'

export interface AdvanceRunOptions {
  run: AutomationRun
  automation: StoredAutomation
  /** Where to go on from; null: past the last step. */
  from: StepPosition | null
  tx: StoreTransaction
  /** Where its records go (saved when the caller flushes it) and where endpoints are read. */
  records: PageRecords
  reads: ContactReads
  /** Answers `if` conditions that name a segment; without it, the contact is in none. */
  segments?: SegmentMembership
  now: Date
}

/**
 * Follows a run's steps from `from` until it has to wait (a delay, a waitFor) or ends
 * (an exit, the last step, a step that cannot be carried out), logging each step's
 * outcome, and saves it with the timers and messages its steps made through `records`,
 * to be written in `tx` when the caller flushes them.
 *
 * @example
 * await advanceRun({ run, automation, from: [0], tx, records, reads: store, now })
 * await records.flush()
 */
export async function advanceRun(options: AdvanceRunOptions): Promise<AutomationRun> {
  const { automation, tx, records, reads, now } = options
  const at = now.toISOString()
  const run: AutomationRun = { ...options.run, status: 'active', waiting: null, log: [...options.run.log] }
  const log = (position: StepPosition, outcome: string) =>
    run.log.push({ at, step: describePosition(position), outcome } satisfies RunLogEntry)
  const end = async (status: 'exited' | 'failed', exitReason: string) => {
    Object.assign(run, { status, exitReason })
    records.save(runRecord(run))
    return run
  }
  const snapshot = await contactSnapshot(reads, run.contactId)
  if (snapshot === null) return end('exited', 'contact erased')
  run.contactId = snapshot.contact.id

  for (let position = options.from; ; ) {
    if (position === null) return end('exited', 'completed')
    const step = stepAt(automation.steps, position)!
    run.position = position
    if ('exit' in step) {
      log(position, `exited: ${step.exit}`)
      return end('exited', step.exit)
    }
    if ('delay' in step || 'waitFor' in step) {
      const duration = 'delay' in step ? step.delay : step.timeout
      const timerId = `tm_${run.id}_${position.join('_')}`
      const dueAt = new Date(now.getTime() + durationMs(duration)!).toISOString()
      records.save({
        kind: 'timer',
        id: timerId,
        automationId: run.automationId,
        endpointId: null,
        contactId: run.contactId,
        status: null,
        uniqueKey: null,
        dueAt,
        createdAt: at,
        body: { runId: run.id },
      })
      run.status = 'waiting'
      run.waiting = { kind: 'delay' in step ? 'delay' : 'waitFor', timerId }
      log(position, 'delay' in step ? `waiting until ${dueAt}` : `waiting for ${step.waitFor.event} until ${dueAt}`)
      records.save(runRecord(run))
      return run
    }
    if ('if' in step) {
      const contactId = run.contactId
      const memberships = new Map<string, boolean>()
      for (const segmentId of segmentReferences(step.if)) {
        memberships.set(segmentId, (await options.segments?.isMember({ segmentId, contactId })) ?? false)
      }
      const input = {
        ...(await membershipInput(snapshot, now)),
        isMemberOf: (id: string) => memberships.get(id) ?? false,
      }
      const holds = evaluateCondition(step.if, input)
      log(position, holds ? 'condition holds: then' : 'condition does not hold: else')
      position = enterBranch(automation.steps, position, holds ? 'then' : 'else')
      continue
    }
    if ('setAttribute' in step) {
      const context = await templateContext(snapshot, run.trigger, step.setAttribute.value)
      const value = renderTemplate(step.setAttribute.value, context)
      await tx.setAttributes({
        contactId: run.contactId,
        attributes: { [step.setAttribute.name]: value as never },
        timestamp: at,
      })
      await tx.appendChanges({
        changes: [
          { type: 'contact.updated', at, contactId: run.contactId, data: { [step.setAttribute.name]: value as never } },
        ],
      })
      log(position, `set ${step.setAttribute.name}`)
      position = nextPosition(automation.steps, position)
      continue
    }
    const { endpoint, payload } = step.webhook
    const found = await records.find('webhook-endpoint', endpoint)
    if (found === undefined) {
      log(position, `webhook endpoint ${endpoint} does not exist: create it, or change the step`)
      return end('failed', `webhook endpoint ${endpoint} does not exist`)
    }
    const webhookId = `msg_${run.id}_${position.join('_')}`
    const context = await templateContext(snapshot, run.trigger, payload)
    const body = webhookBody({
      payload,
      context,
      automation: { id: automation.id, name: automation.name },
      run: { id: run.id },
      createdAt: now,
    })
    const deliveryId = recordId('dl')
    const delivery = deliveryRecord({
      ...newDelivery(now),
      id: deliveryId,
      webhookId,
      endpointId: endpoint,
      automationId: automation.id,
      runId: run.id,
      contactId: run.contactId,
      body,
      createdAt: at,
    })
    records.save(delivery, { onlyIfNew: true })
    log(position, `message ${webhookId} queued for ${endpoint} (delivery ${deliveryId})`)
    position = nextPosition(automation.steps, position)
  }
}
