import { describe, expect, it } from 'vitest'
import type { AutomationRecord } from '../../automations/records/automation-record.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

const record = (overrides: Partial<AutomationRecord> & { id: string }): AutomationRecord => ({
  kind: 'timer',
  automationId: 'au_1',
  endpointId: null,
  contactId: 'c_1',
  status: null,
  uniqueKey: null,
  dueAt: null,
  createdAt: '2026-12-04T03:00:00.000Z',
  body: { note: overrides.id },
  ...overrides,
})

/** Automation records: stored, found by their columns, and leased in due order exactly once. */
export function describeAutomationRecordsContract(harness: StoreHarness): void {
  describe('automation records', () => {
    const stores = useStores(harness)

    it('stores, replaces, finds by column (newest first) and deletes', async () => {
      const store = await stores.open()
      await store.transaction(async (tx) => {
        await tx.saveRecord({ record: record({ kind: 'run', id: 'r1', status: 'active', body: { log: [1] } }) })
        await tx.saveRecord({
          record: record({ kind: 'run', id: 'r2', contactId: 'c_2', createdAt: '2026-12-04T03:00:01.000Z' }),
        })
        await tx.saveRecord({ record: record({ kind: 'run', id: 'r1', status: 'exited', body: { log: [1, 2] } }) })
      })
      const found = await store.transaction((tx) => tx.findRecords({ kind: 'run', automationId: 'au_1', limit: 10 }))
      expect(found.map((r) => r.id)).toEqual(['r2', 'r1'])
      expect(found[1]).toEqual(record({ kind: 'run', id: 'r1', status: 'exited', body: { log: [1, 2] } }))
      const exited = await store.transaction((tx) => tx.findRecords({ kind: 'run', status: 'exited', limit: 10 }))
      expect(exited.map((r) => r.id)).toEqual(['r1'])
      expect(await store.transaction((tx) => tx.findRecords({ kind: 'timer', limit: 10 }))).toEqual([])
      expect(await store.transaction((tx) => tx.deleteRecord({ kind: 'run', id: 'r1' }))).toBe(true)
      expect(await store.transaction((tx) => tx.deleteRecord({ kind: 'run', id: 'r1' }))).toBe(false)
    })

    it('pages newest first after the last record of a page, ties in time broken by id', async () => {
      const store = await stores.open()
      const at = (second: number) => `2026-12-04T03:00:0${second}.000Z`
      const ids = ['d1', 'd2', 'd3', 'd4', 'd5']
      await store.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) {
          await tx.saveRecord({
            record: record({ kind: 'delivery', id, endpointId: 'wh_1', createdAt: at(i < 3 ? 1 : 2) }),
          })
        }
        await tx.saveRecord({ record: record({ kind: 'delivery', id: 'other', endpointId: 'wh_2', createdAt: at(1) }) })
      })
      const pages: string[][] = []
      let after: { createdAt: string; id: string } | undefined
      do {
        const query = { kind: 'delivery' as const, endpointId: 'wh_1', limit: 2, ...(after ? { after } : {}) }
        const page = await store.transaction((tx) => tx.findRecords(query))
        pages.push(page.map((r) => r.id))
        const last = page.at(-1)
        after = page.length === 2 && last ? { createdAt: last.createdAt, id: last.id } : undefined
      } while (after)
      expect(pages).toEqual([['d5', 'd4'], ['d3', 'd2'], ['d1']])
    })

    it('stores a record only once per unique key when asked to', async () => {
      const store = await stores.open()
      const first = await store.transaction((tx) =>
        tx.saveRecord({ record: record({ kind: 'run', id: 'r1', uniqueKey: 'change-7' }), onlyIfNew: true }),
      )
      const again = await store.transaction((tx) =>
        tx.saveRecord({ record: record({ kind: 'run', id: 'r2', uniqueKey: 'change-7' }), onlyIfNew: true }),
      )
      const sameId = await store.transaction((tx) =>
        tx.saveRecord({ record: record({ kind: 'run', id: 'r1', uniqueKey: 'change-8' }), onlyIfNew: true }),
      )
      expect([first, again, sameId]).toEqual([true, false, false])
      const runs = await store.transaction((tx) => tx.findRecords({ kind: 'run', limit: 10 }))
      expect(runs.map((r) => [r.id, r.uniqueKey])).toEqual([['r1', 'change-7']])
    })

    it('leases due records earliest first, once, until the lease runs out', async () => {
      const store = await stores.open()
      await store.transaction(async (tx) => {
        await tx.saveRecord({ record: record({ id: 't3', dueAt: '2026-12-04T03:00:03.000Z' }) })
        await tx.saveRecord({ record: record({ id: 't1', dueAt: '2026-12-04T03:00:01.000Z' }) })
        await tx.saveRecord({ record: record({ id: 't2', dueAt: '2026-12-04T03:00:02.000Z' }) })
        await tx.saveRecord({ record: record({ id: 'never', dueAt: null }) })
        await tx.saveRecord({ record: record({ kind: 'delivery', id: 'd1', dueAt: '2026-12-04T02:00:00.000Z' }) })
      })
      expect(await store.transaction((tx) => tx.nextDueAt({ kind: 'timer' }))).toBe('2026-12-04T03:00:01.000Z')
      const lease = (now: string, limit = 10) =>
        store.transaction((tx) =>
          tx.leaseDueRecords({ kind: 'timer', now, leaseUntil: '2026-12-04T03:01:00.000Z', limit }),
        )
      expect((await lease('2026-12-04T03:00:02.000Z')).map((r) => r.id)).toEqual(['t1', 't2'])
      expect((await lease('2026-12-04T03:00:02.500Z')).map((r) => r.id)).toEqual([])
      expect(await store.transaction((tx) => tx.nextDueAt({ kind: 'timer' }))).toBe('2026-12-04T03:00:03.000Z')
      expect((await lease('2026-12-04T03:00:30.000Z')).map((r) => r.id)).toEqual(['t3'])
      // Nobody finished t1, t2, t3: when the lease runs out they are due again.
      expect((await lease('2026-12-04T03:01:00.000Z', 2)).map((r) => r.id).sort()).toHaveLength(2)
    })

    it('hands each due record to one of two transactions leasing at once', async () => {
      const store = await stores.open()
      await store.transaction(async (tx) => {
        for (let i = 0; i < 20; i++) {
          await tx.saveRecord({
            record: record({ id: `t${String(i).padStart(2, '0')}`, dueAt: '2026-12-04T03:00:00.000Z' }),
          })
        }
      })
      const leaseSome = () =>
        store.transaction((tx) =>
          tx.leaseDueRecords({
            kind: 'timer',
            now: '2026-12-04T03:00:00.000Z',
            leaseUntil: '2026-12-04T04:00:00.000Z',
            limit: 7,
          }),
        )
      const batches = await Promise.all([leaseSome(), leaseSome(), leaseSome(), leaseSome()])
      const ids = batches.flat().map((r) => r.id)
      expect(ids).toHaveLength(20)
      expect(new Set(ids).size).toBe(20)
    })
  })
}
