import Database from 'better-sqlite3'
import type { ContactDetail, EventPage } from '@sillage/protocol'
import { type ContactLookup, type EventQuery, type IngestResult, type NormalisedEvent, type Store, StoreUnavailableError } from '../store.js'
import { SqliteReads } from './sqlite-reads.js'
import { SqliteWriterThread } from './sqlite-writer-thread.js'
import { toSqliteStoreError } from './sqlite-store-error.js'

export interface SqliteStoreOptions {
  /** The database file; its directory is created on first start. */
  path: string
  /**
   * `full` (default): each commit's write-ahead log is fsynced before `ingest` resolves,
   * so an acknowledged event survives a power cut, not only a killed process. The fsync
   * runs on the writer thread, while the event loop goes on reading requests. `normal`
   * skips it (the WAL still survives a process crash) for hosts that trust their power
   * more than their disk.
   */
  synchronous?: 'full' | 'normal'
}

interface Connections {
  reader: Database.Database
  reads: SqliteReads
  /** Replaced by a new thread on the next write if the running one stopped. */
  writes: Promise<SqliteWriterThread>
}

/**
 * The default store: one SQLite file in WAL mode, its writer connection on a thread of its
 * own behind a group-commit queue (`SqliteWriterThread`), and a reader connection on the
 * event loop that sees only committed data.
 *
 * @example
 * const store = new SqliteStore({ path: './data/sillage.db' })
 * await store.open()
 */
export class SqliteStore implements Store {
  readonly description: string
  private connections: Connections | null = null

  constructor(private readonly options: SqliteStoreOptions) {
    this.description = `sqlite:${options.path}${options.synchronous === 'normal' ? '?synchronous=normal' : ''}`
  }

  async open(): Promise<void> {
    if (this.connections !== null) return
    let writes: SqliteWriterThread | null = null
    try {
      // The thread creates and migrates the file: the reader opens it afterwards.
      writes = await this.startWriter()
      const reader = new Database(this.options.path, { readonly: true })
      reader.pragma('busy_timeout = 5000')
      this.connections = { reader, reads: new SqliteReads(reader), writes: Promise.resolve(writes) }
    } catch (error) {
      await writes?.close()
      throw new StoreUnavailableError(`Cannot open ${this.description}: ${explainOpenFailure(error)}`, { cause: error })
    }
  }

  async close(): Promise<void> {
    const connections = this.connections
    if (connections === null) return
    this.connections = null
    await (await connections.writes.catch(() => null))?.close()
    connections.reader.close()
  }

  /** Both connections answer; a writer thread that stopped is started again first. */
  async isHealthy(): Promise<boolean> {
    try {
      if (this.connections === null) return false
      const writes = await this.writer()
      return writes.running && this.connections?.reader.prepare('SELECT 1').get() !== undefined
    } catch {
      return false
    }
  }

  async ingest(events: readonly NormalisedEvent[]): Promise<IngestResult> {
    return (await this.writer()).ingest(events)
  }

  async knownMessageIds(source: string, messageIds: readonly string[]): Promise<string[]> {
    return this.read((reads) => reads.knownMessageIds(source, messageIds))
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

  async deleteContact(id: string): Promise<boolean> {
    return (await this.writer()).deleteContact(id)
  }

  /** The running writer thread, or a new one when the last one stopped (it crashed). */
  private async writer(): Promise<SqliteWriterThread> {
    const connections = this.connected()
    const current = connections.writes
    const writes = await current.catch(() => null)
    if (writes?.running) return writes
    // Requests that found it stopped together share one new thread.
    if (connections.writes === current) connections.writes = this.startWriter().catch((error: unknown) => {
      throw new StoreUnavailableError(`${this.description}: cannot restart the writer thread: ${explainOpenFailure(error)}`, { cause: error })
    })
    return connections.writes
  }

  private startWriter(): Promise<SqliteWriterThread> {
    return SqliteWriterThread.start({ path: this.options.path, synchronous: this.options.synchronous ?? 'full', description: this.description })
  }

  private read<T>(query: (reads: SqliteReads) => T): T {
    const { reads } = this.connected()
    try {
      return query(reads)
    } catch (error) {
      throw toSqliteStoreError(error, this.description)
    }
  }

  private connected(): Connections {
    if (this.connections === null) throw new StoreUnavailableError(`${this.description} is not open: call open() first (or it was closed)`)
    return this.connections
  }
}

function explainOpenFailure(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const aboutAccess = typeof code === 'string' && /^(E[A-Z]+|SQLITE_(CANTOPEN|READONLY|PERM))/.test(code)
  return aboutAccess ? `${reason}. Check that the path is right and its directory writable.` : reason
}
