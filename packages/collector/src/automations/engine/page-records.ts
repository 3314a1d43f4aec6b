import type { AutomationRecord, AutomationRecordKind } from '../records/automation-record.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'

interface PendingWrite {
  record: AutomationRecord
  /** Stored only if its id and unique key are free (a run per trigger change, a message per step). */
  onlyIfNew: boolean
}

/**
 * The automation records one transaction of the engine writes, held until `flush()` saves
 * them all with two statements (new records, replaced ones), whatever their number: on
 * PostgreSQL a statement per record was a network round trip each, and a page of changes
 * fell behind the feed. Reads through it see its pending writes, and a record read once
 * is not read again.
 *
 * @example
 * const records = new PageRecords(tx)
 * records.save(runRecord(run), { onlyIfNew: true })
 * const notStored = await records.flush()
 */
export class PageRecords {
  private readonly pending = new Map<string, PendingWrite>()
  /** Records read from the store, by kind and id; null: there is none. */
  private readonly read = new Map<string, AutomationRecord | null>()

  constructor(private readonly tx: StoreTransaction) {}

  /**
   * Saves `record` at the next flush, replacing the one with its kind and id; with
   * `onlyIfNew`, stores nothing when its id or unique key is taken by then. A record saved
   * again before the flush keeps its last content, and stays new if it was.
   */
  save(record: AutomationRecord, { onlyIfNew = false }: { onlyIfNew?: boolean } = {}): void {
    const key = keyOf(record.kind, record.id)
    const earlier = this.pending.get(key)
    this.pending.set(key, { record, onlyIfNew: onlyIfNew || (earlier?.onlyIfNew ?? false) })
  }

  /**
   * Deletes a record, stored or pending; resolves with whether there was one. On PostgreSQL
   * a record another transaction is deleting is waited for, and then found gone.
   */
  async delete(kind: AutomationRecordKind, id: string): Promise<boolean> {
    const key = keyOf(kind, id)
    const pending = this.pending.get(key)
    this.pending.delete(key)
    this.read.set(key, null)
    // A new record still pending was never written: there is nothing to delete.
    if (pending?.onlyIfNew) return true
    return (await this.tx.deleteRecord({ kind, id })) || pending !== undefined
  }

  /** The record of a kind and id as this transaction left it so far, or undefined. */
  async find(kind: AutomationRecordKind, id: string): Promise<AutomationRecord | undefined> {
    const key = keyOf(kind, id)
    const pending = this.pending.get(key)
    if (pending !== undefined) return pending.record
    if (!this.read.has(key)) {
      const [found] = await this.tx.findRecords({ kind, id, limit: 1 })
      this.read.set(key, found ?? null)
    }
    return this.read.get(key) ?? undefined
  }

  /** Writes what is pending; resolves with the new records that were not stored (their id or key was taken). */
  async flush(): Promise<AutomationRecord[]> {
    const writes = [...this.pending.values()]
    this.pending.clear()
    for (const { record } of writes) this.read.set(keyOf(record.kind, record.id), record)
    const created = writes.filter((write) => write.onlyIfNew).map((write) => write.record)
    const replaced = writes.filter((write) => !write.onlyIfNew).map((write) => write.record)
    const [stored] = await Promise.all([
      this.tx.saveRecords({ records: created, onlyIfNew: true }),
      this.tx.saveRecords({ records: replaced }),
    ])
    const storedIds = new Set(stored)
    const notStored = created.filter((record) => !storedIds.has(record.id))
    for (const record of notStored) this.read.delete(keyOf(record.kind, record.id))
    return notStored
  }
}

function keyOf(kind: AutomationRecordKind, id: string): string {
  return `${kind} ${id}`
}
