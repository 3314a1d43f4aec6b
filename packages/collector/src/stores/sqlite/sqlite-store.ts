import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ContactDetail, EventPage } from '@sillage/protocol'
import type { ContactCounts } from '../../contacts/contact-counts.js'
import type { ContactListPage, ContactListQuery } from '../../contacts/contact-list.js'
import type { Change, ChangePage, ChangeQuery } from '../../events/change.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { bindOperations } from '../bind-operations.js'
import { CommitSignal } from '../commit-signal.js'
import { type ContactLookup, type EventQuery, type Store, StoreUnavailableError } from '../store.js'
import { BackgroundCheckpointer } from './background-checkpointer.js'
import { openSqliteWriter } from './open-sqlite-writer.js'
import { latestChangeCursor } from './operations/latest-change-cursor.js'
import { countContacts } from './operations/count-contacts.js'
import { listContacts } from './operations/list-contacts.js'
import { recentContactChanges } from './operations/recent-contact-changes.js'
import { readChanges } from './operations/read-changes.js'
import { SqliteReads } from './sqlite-reads.js'
import { sqliteOperations } from './sqlite-operations.js'
import { toSqliteStoreError } from './sqlite-store-error.js'
import { SqliteWriter } from './sqlite-writer.js'
import { makeTemporaryDirectory, removeTemporaryDirectory } from './temporary-directories.js'
import { WalSync } from './wal-sync.js'

export type SqliteStoreOptions =
  | {
      /** The database file; its directory is created on first start. */
      path: string
      /**
       * `full` (default): each commit's write-ahead log is fsynced before the transaction
       * resolves, so an acknowledged event survives a power cut, not only a killed process.
       * `normal` skips it (the WAL still survives a process crash).
       */
      synchronous?: 'full' | 'normal'
    }
  /** `memory:`: a file in the system's temporary directory, removed on close. */
  | { temporary: true }

interface Connections {
  writer: Database.Database
  writes: SqliteWriter
  tx: StoreTransaction
  checkpointer: BackgroundCheckpointer
  /** null with `synchronous=normal`. */
  walSync: WalSync | null
  reader: Database.Database
  reads: SqliteReads
  /** The temporary directory to remove on close (`memory:`). */
  temporary: string | null
}

/**
 * The default store: one SQLite file in WAL mode. Its writer connection runs every
 * transaction behind a group-commit queue (`SqliteWriter`: any operation, one transaction
 * for the jobs that arrive together); a reader connection sees only committed data; a
 * thread beside them copies committed pages into the file (`BackgroundCheckpointer`).
 *
 * @example
 * const store = new SqliteStore({ path: './data/sillage.db' })
 * await store.open()
 */
export class SqliteStore implements Store {
  readonly description: string
  private connections: Connections | null = null
  private readonly commits = new CommitSignal()
  /** Whether the transaction under way appended changes: only then are readers woken. */
  private appended = false

  constructor(private readonly options: SqliteStoreOptions) {
    this.description =
      'temporary' in options
        ? 'memory:'
        : `sqlite:${options.path}${options.synchronous === 'normal' ? '?synchronous=normal' : ''}`
  }

  async open(): Promise<void> {
    if (this.connections !== null) return
    const temporary = 'temporary' in this.options ? makeTemporaryDirectory() : null
    const path = temporary === null ? (this.options as { path: string }).path : join(temporary, 'sillage.db')
    // A temporary file has nothing to survive a power cut for.
    const synchronous =
      temporary === null ? ((this.options as { synchronous?: 'full' | 'normal' }).synchronous ?? 'full') : 'normal'
    let writer: Database.Database | null = null
    try {
      writer = openSqliteWriter(path)
      const walSync = synchronous === 'full' ? new WalSync(path) : null
      const checkpointer = new BackgroundCheckpointer({ path, description: this.description })
      const writes = new SqliteWriter(
        writer,
        (error) => toSqliteStoreError(error, this.description),
        async () => {
          checkpointer.committed()
          if (walSync !== null) await this.syncWal(walSync)
          if (!this.appended) return
          this.appended = false
          this.commits.notify()
        },
      )
      const reader = new Database(path, { readonly: true })
      reader.pragma('busy_timeout = 5000')
      const operations = bindOperations(writer, sqliteOperations)
      const tx: StoreTransaction = {
        ...operations,
        appendChanges: (args) => {
          this.appended = true
          return operations.appendChanges(args)
        },
      }
      this.connections = {
        writer,
        writes,
        tx,
        checkpointer,
        walSync,
        reader,
        reads: new SqliteReads(reader),
        temporary,
      }
    } catch (error) {
      writer?.close()
      if (temporary !== null) removeTemporaryDirectory(temporary)
      throw new StoreUnavailableError(`Cannot open ${this.description}: ${explainOpenFailure(error)}`, { cause: error })
    }
  }

  async close(): Promise<void> {
    const connections = this.connections
    if (connections === null) return
    this.connections = null
    await connections.writes.idle()
    await connections.checkpointer.stop()
    await connections.walSync?.close()
    connections.writer.close()
    connections.reader.close()
    if (connections.temporary !== null) removeTemporaryDirectory(connections.temporary)
  }

  async isHealthy(): Promise<boolean> {
    try {
      const connections = this.connections
      return (
        connections !== null && connections.writer.open && connections.reader.prepare('SELECT 1').get() !== undefined
      )
    } catch {
      return false
    }
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let connections: Connections
    try {
      connections = this.connected()
    } catch (error) {
      return Promise.reject(error)
    }
    return connections.writes.run(() => work(connections.tx))
  }

  async listEvents(query: EventQuery): Promise<EventPage> {
    return this.read((reads) => reads.listEvents(query))
  }

  async findContacts(lookup: ContactLookup): Promise<ContactDetail[]> {
    return this.read((reads) => reads.findContacts(lookup))
  }

  async getContact(id: string): Promise<ContactDetail | null> {
    return this.read((reads) => reads.getContact(id))
  }

  async readChanges(query: ChangeQuery): Promise<ChangePage> {
    const { reader } = this.connected()
    try {
      return readChanges(reader, query)
    } catch (error) {
      throw toSqliteStoreError(error, this.description)
    }
  }

  async latestChangeCursor(): Promise<string | null> {
    return this.onReader((reader) => latestChangeCursor(reader))
  }

  async recentContactChanges(query: { contactIds: string[]; limit: number }): Promise<Change[]> {
    return this.onReader((reader) => recentContactChanges(reader, query))
  }

  async countContacts(): Promise<ContactCounts> {
    return this.onReader((reader) => countContacts(reader))
  }

  async listContacts(query: ContactListQuery): Promise<ContactListPage> {
    return this.onReader((reader) => listContacts(reader, query))
  }

  onChanges(listener: () => void): () => void {
    return this.commits.subscribe(listener)
  }

  private async syncWal(walSync: WalSync): Promise<void> {
    try {
      await walSync.sync()
    } catch (error) {
      throw new StoreUnavailableError(
        `${this.description}: cannot flush the write-ahead log to disk (${String(error)})`,
        { cause: error },
      )
    }
  }

  private read<T>(query: (reads: SqliteReads) => T): T {
    const { reads } = this.connected()
    try {
      return query(reads)
    } catch (error) {
      throw toSqliteStoreError(error, this.description)
    }
  }

  private onReader<T>(query: (reader: Database.Database) => T): T {
    const { reader } = this.connected()
    try {
      return query(reader)
    } catch (error) {
      throw toSqliteStoreError(error, this.description)
    }
  }

  private connected(): Connections {
    if (this.connections === null)
      throw new StoreUnavailableError(`${this.description} is not open: call open() first (or it was closed)`)
    return this.connections
  }
}

function explainOpenFailure(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const aboutAccess = typeof code === 'string' && /^(E[A-Z]+|SQLITE_(CANTOPEN|READONLY|PERM))/.test(code)
  return aboutAccess ? `${reason}. Check that the path is right and its directory writable.` : reason
}
