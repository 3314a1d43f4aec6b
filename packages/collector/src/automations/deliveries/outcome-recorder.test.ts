import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from '../../stores/create-store.js'
import type { Store } from '../../stores/store.js'
import type { Transactional } from '../../transaction/store-transaction.js'
import type { AutomationRecord } from '../records/automation-record.js'
import { OutcomeRecorder } from './outcome-recorder.js'

const delivery = (id: string, status: string): AutomationRecord => ({
  kind: 'delivery',
  id,
  automationId: null,
  endpointId: 'wh_1',
  contactId: null,
  status,
  uniqueKey: `msg_${id}`,
  dueAt: null,
  createdAt: '2026-12-04T03:00:00.000Z',
  body: { attempts: [] },
})

describe('OutcomeRecorder', () => {
  let store: Store
  afterEach(() => store?.close())

  /** The store, counting the transactions run through it; `fail` makes the next ones throw. */
  const counted = () => {
    const seen = { transactions: 0, fail: false }
    const transactional: Transactional = {
      transaction: (work) => {
        seen.transactions += 1
        if (seen.fail) return Promise.reject(new Error('the store is down'))
        return store.transaction(work)
      },
    }
    return { seen, transactional }
  }

  it('saves the outcomes that arrive while a transaction runs together in the next one', async () => {
    store = createStore('memory:')
    await store.open()
    const { seen, transactional } = counted()
    const recorder = new OutcomeRecorder(transactional)
    const first = recorder.save([delivery('d0', 'delivered')])
    const others = Array.from({ length: 10 }, (_, i) => recorder.save([delivery(`d${i + 1}`, 'delivered')]))
    await Promise.all([first, ...others])
    expect(seen.transactions).toBe(2)
    const stored = await store.transaction((tx) =>
      tx.findRecords({ kind: 'delivery', status: 'delivered', limit: 100 }),
    )
    expect(stored).toHaveLength(11)
  })

  it('rejects every save of a transaction that failed, and saves again afterwards', async () => {
    store = createStore('memory:')
    await store.open()
    const { seen, transactional } = counted()
    const recorder = new OutcomeRecorder(transactional)
    seen.fail = true
    const failed = [recorder.save([delivery('d1', 'delivered')]), recorder.save([delivery('d2', 'delivered')])]
    for (const save of failed) await expect(save).rejects.toThrow('the store is down')
    seen.fail = false
    await recorder.save([delivery('d3', 'delivered'), delivery('d3', 'failed')])
    const stored = await store.transaction((tx) => tx.findRecords({ kind: 'delivery', limit: 100 }))
    expect(stored.map((record) => [record.id, record.status])).toEqual([['d3', 'failed']])
  })
})
