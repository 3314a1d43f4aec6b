import { describe, expect, it } from 'vitest'
import type { AutomationRecord, ContactRecordsQuery } from '../../automations/records/automation-record.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

const record = (overrides: Partial<AutomationRecord> & { id: string }): AutomationRecord => ({
  kind: 'run',
  automationId: 'au_1',
  endpointId: null,
  contactId: 'c_1',
  status: 'active',
  uniqueKey: null,
  dueAt: null,
  createdAt: '2026-12-04T03:00:00.000Z',
  body: { note: overrides.id },
  ...overrides,
})
const at = (second: number) => `2026-12-04T03:00:0${second}.000Z`

/** Automation records a page at a time: saved together, found for many contacts, keys looked up together. */
export function describeRecordBatchesContract(harness: StoreHarness): void {
  describe('automation records in batches', () => {
    const stores = useStores(harness)

    it('saveRecords stores new records only where id and key are free, and replaces records', async () => {
      const store = await stores.open()
      await store.transaction((tx) => tx.saveRecord({ record: record({ id: 'r1', uniqueKey: 'k1' }) }))
      const stored = await store.transaction((tx) =>
        tx.saveRecords({
          records: [
            record({ id: 'r1', uniqueKey: 'k9' }),
            record({ id: 'r2', uniqueKey: 'k1' }),
            record({ id: 'r3', uniqueKey: 'k3', body: { nested: { list: [1, 'two', null] } } }),
            record({ kind: 'timer', id: 't1', status: null, dueAt: at(5) }),
          ],
          onlyIfNew: true,
        }),
      )
      expect(stored.sort()).toEqual(['r3', 't1'])
      const replaced = await store.transaction((tx) =>
        tx.saveRecords({ records: [record({ id: 'r1', status: 'exited', uniqueKey: 'k1' }), record({ id: 'r4' })] }),
      )
      expect(replaced.sort()).toEqual(['r1', 'r4'])
      expect(await store.transaction((tx) => tx.saveRecords({ records: [] }))).toEqual([])
      const runs = await store.transaction((tx) => tx.findRecords({ kind: 'run', limit: 10 }))
      expect(runs.map((r) => [r.id, r.status]).sort()).toEqual([
        ['r1', 'exited'],
        ['r3', 'active'],
        ['r4', 'active'],
      ])
      expect(runs.find((r) => r.id === 'r3')).toEqual(
        record({ id: 'r3', uniqueKey: 'k3', body: { nested: { list: [1, 'two', null] } } }),
      )
      const [timer] = await store.transaction((tx) => tx.findRecords({ kind: 'timer', limit: 10 }))
      expect(timer).toEqual(record({ kind: 'timer', id: 't1', status: null, dueAt: at(5) }))
    })

    it('findContactRecords gives the records of many contacts, newest first, at most limit per contact', async () => {
      const store = await stores.open()
      await store.transaction((tx) =>
        tx.saveRecords({
          records: [
            record({ id: 'a1', contactId: 'c_a', createdAt: at(1) }),
            record({ id: 'a2', contactId: 'c_a', createdAt: at(2), status: 'waiting' }),
            record({ id: 'a3', contactId: 'c_a', createdAt: at(3), status: 'waiting', automationId: 'au_2' }),
            record({ id: 'b1', contactId: 'c_b', createdAt: at(4), status: 'waiting' }),
            record({ id: 'x1', contactId: 'c_x', createdAt: at(5), status: 'waiting' }),
            record({ kind: 'delivery', id: 'd1', contactId: 'c_a', createdAt: at(6) }),
          ],
        }),
      )
      const find = (query: Omit<ContactRecordsQuery, 'kind'>) =>
        store.transaction(async (tx) => (await tx.findContactRecords({ kind: 'run', ...query })).map((r) => r.id))
      expect(await find({ contactIds: ['c_a', 'c_b', 'c_a', 'c_none'], limit: 10 })).toEqual(['b1', 'a3', 'a2', 'a1'])
      expect(await find({ contactIds: ['c_a', 'c_b'], status: 'waiting', limit: 10 })).toEqual(['b1', 'a3', 'a2'])
      expect(await find({ contactIds: ['c_a', 'c_b'], limit: 1 })).toEqual(['b1', 'a3'])
      expect(await find({ contactIds: ['c_a'], automationIds: ['au_1'], limit: 10 })).toEqual(['a2', 'a1'])
      expect(await find({ contactIds: [], limit: 10 })).toEqual([])
    })

    it('takenRecordKeys tells which keys records of the kind hold', async () => {
      const store = await stores.open()
      await store.transaction((tx) =>
        tx.saveRecords({
          records: [
            record({ id: 'r1', uniqueKey: 'au_1 1' }),
            record({ kind: 'delivery', id: 'd1', uniqueKey: 'au_1 2' }),
          ],
        }),
      )
      const taken = await store.transaction((tx) =>
        tx.takenRecordKeys({ kind: 'run', uniqueKeys: ['au_1 1', 'au_1 2', 'au_1 3'] }),
      )
      expect([...taken]).toEqual(['au_1 1'])
      expect([...(await store.transaction((tx) => tx.takenRecordKeys({ kind: 'run', uniqueKeys: [] })))]).toEqual([])
    })
  })
}
