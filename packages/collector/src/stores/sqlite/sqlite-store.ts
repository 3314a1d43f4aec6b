import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { ContactDetail, EventPage } from '@sillage/protocol'
import { type ContactLookup, type EventQuery, type IngestResult, type NormalisedEvent, type Store, StoreUnavailableError } from '../store.js'
import { SqliteReads } from './sqlite-reads.js'
import { toSqliteStoreError } from './sqlite-store-error.js'
import { SqliteWriterThread } from './sqlite-writer-thread.js'

export interface SqliteStoreOptions {
  /** The database file; its directory is created on first start. */
  path: string
  /**
   * `full` (default): each commit is fsynced before `ingest` resolves, so an acknowledged
   * event survives a power cut, not only a killed process. `normal` skips that fsync
   * (WAL still survives a process crash) for hosts that trust their power more than
   * their disk latency.
   */
  synchronous?: 'full' | 'normal'
}

interface Connections {
  writer: SqliteWriterThread
  reader: Database.Database
  reads: SqliteReads
}

/**
 * The default store: one SQLite file in WAL mode, a writer connection in its own thread
 * behind a group-commit queue, and a reader connection on the calling thread that sees
 * only committed data.
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
    let writer: SqliteWriterThread | null = null
    try {
      mkdirSync(dirname(this.options.path), { recursive: true })
      // The writer creates the file and migrates it before the reader may open it.
      writer = await SqliteWriterThread.start({ path: this.options.path, synchronous: this.options.synchronous ?? 'full', description: this.description })
      const reader = new Database(this.options.path, { readonly: true })
      reader.pragma('busy_timeout = 5000')
      this.connections = { writer, reader, reads: new SqliteReads(reader) }
    } catch (error) {
      await writer?.close()
      throw new StoreUnavailableError(`Cannot open ${this.description}: ${explainOpenFailure(error)}`, { cause: error })
    }
  }

  async close(): Promise<void> {
    const connections = this.connections
    if (connections === null) return
    this.connections = null
    await connections.writer.close()
    connections.reader.close()
  }

  async isHealthy(): Promise<boolean> {
    try {
      const connections = this.connections
      return connections !== null && connections.writer.healthy && connections.reader.prepare('SELECT 1').get() !== undefined
    } catch {
      return false
    }
  }

  async ingest(events: readonly NormalisedEvent[]): Promise<IngestResult> {
    return (await this.connected().writer.run({ op: 'ingest', events })) as IngestResult
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
    return (await this.connected().writer.run({ op: 'deleteContact', contactId: id })) as boolean
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
