import { setTimeout as sleep } from 'node:timers/promises'
import type { ContactDetail, EventPage } from '@sillage/protocol'
import postgres, { type Sql, type TransactionSql } from 'postgres'
import type { ContactCounts } from '../../contacts/contact-counts.js'
import type { ContactListPage, ContactListQuery } from '../../contacts/contact-list.js'
import type { Change, ChangePage, ChangeQuery } from '../../events/change.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { bindOperations } from '../bind-operations.js'
import { CommitSignal } from '../commit-signal.js'
import { type ContactLookup, type EventQuery, type Store, StoreUnavailableError } from '../store.js'
import { enterFeedWriters, feedWritersKey } from './feed-writers.js'
import { lastChangeCursor } from './operations/last-change-cursor.js'
import { countContacts } from './operations/count-contacts.js'
import { listContacts } from './operations/list-contacts.js'
import { recentContactChanges } from './operations/recent-contact-changes.js'
import { readChanges } from './operations/read-changes.js'
import type { PostgresStoreOptions } from './parse-postgres-url.js'
import { migratePostgres } from './postgres-migrations.js'
import { PostgresReads } from './postgres-reads.js'
import { CommitAnnouncer } from './commit-announcer.js'
import { PostgresGroupWriter } from './postgres-group-writer.js'
import { toPostgresStoreError } from './postgres-store-error.js'
import { postgresOperations } from './postgres-operations.js'
import { StatementPipeline } from './statement-pipeline.js'
import { surviveDriverRaces } from './survive-driver-races.js'

/** Lost races are retried this many times: plenty for a few collectors on one contact. */
const maxAttempts = 12

/**
 * Each savepoint that writes takes a subtransaction id; past 64 in one transaction
 * PostgreSQL's per-backend cache overflows and every snapshot in the cluster gets slower
 * (the "subtransaction overflow" problem). 32 jobs per group stay well under it.
 */
const jobsPerGroup = 32

/**
 * The store for several collectors on one PostgreSQL. Batches arriving together share one
 * transaction, each in a savepoint of its own, and are answered after its COMMIT (see
 * `PostgresGroupWriter`); identity races between collectors are settled by row locks,
 * UNIQUE constraints and retries (see `operations/find-contact.ts`). Commits wake the feed's
 * readers here directly and in the other collectors through LISTEN/NOTIFY. An unreachable server
 * surfaces as `StoreUnavailableError`; the driver reconnects by itself once it is back.
 *
 * @example
 * const store = new PostgresStore(parsePostgresUrl('postgres://sillage@db:5432/events?max=20'))
 * await store.open()
 */
export class PostgresStore implements Store {
  readonly description: string
  private sql: Sql | null = null
  private reads: PostgresReads | null = null
  private writer: PostgresGroupWriter | null = null
  private announcer: CommitAnnouncer | null = null
  private readonly commits = new CommitSignal()
  private readonly channel: string
  /** Names this schema's feed writers' advisory lock (see `enterFeedWriters`). */
  private readonly feedKey: string

  constructor(private readonly options: PostgresStoreOptions) {
    this.description = options.description
    // One channel per schema: collectors on other schemas of the database are not woken.
    this.channel = `sillage_changes_${options.schema ?? 'public'}`.slice(0, 63)
    this.feedKey = feedWritersKey(options.schema)
  }

  async open(): Promise<void> {
    if (this.sql !== null) return
    surviveDriverRaces()
    const fixedBackoff = Number(new URL(this.options.connectionUrl).searchParams.get('backoff'))
    const sql = postgres(this.options.connectionUrl, {
      max: this.options.max,
      // Fail a request within seconds (503, retried by the client) rather than hang it.
      connect_timeout: Number(new URL(this.options.connectionUrl).searchParams.get('connect_timeout') ?? 5),
      // The driver's default waits up to 20 s between reconnection attempts, so an outage would
      // hold requests that long before their 503 and recovery would lag the database as much.
      // A URL's own `backoff=` (seconds) still wins.
      backoff: (attempt: number) => fixedBackoff || Math.min(0.1 * 2 ** attempt, 1),
      onnotice: () => {},
      connection: this.options.schema === null ? {} : { search_path: this.options.schema },
    })
    try {
      await migratePostgres(sql, this.options.schema)
    } catch (error) {
      await sql.end({ timeout: 1 })
      const reason = error instanceof Error ? error.message : String(error)
      throw new StoreUnavailableError(
        `Cannot open ${this.description}: ${reason}. Check that PostgreSQL runs there and accepts this user.`,
        { cause: error },
      )
    }
    try {
      // Another collector's commits wake this one's readers. The driver listens again by
      // itself after a reconnection; readers missing a wake-up meanwhile still poll slowly.
      await sql.listen(this.channel, () => this.commits.notify())
    } catch (error) {
      await sql.end({ timeout: 1 })
      throw new StoreUnavailableError(`Cannot open ${this.description}: cannot LISTEN for changes (${String(error)})`, {
        cause: error,
      })
    }
    this.sql = sql
    this.reads = new PostgresReads(sql)
    // At most half the pool writes, so reads (the API, /healthz) find a connection under a flood of writes.
    const groups = Math.max(1, Math.ceil(this.options.max / 2))
    const channel = this.channel
    this.announcer = new CommitAnnouncer(() => sql`SELECT pg_notify(${channel}, '')`)
    this.writer = new PostgresGroupWriter(
      sql,
      { groups, jobsPerGroup, attempts: maxAttempts },
      (error) => toPostgresStoreError(error, this.description),
      (tx) => enterFeedWriters(tx, this.feedKey),
    )
  }

  async close(): Promise<void> {
    const sql = this.sql
    this.sql = null
    this.reads = null
    this.writer = null
    // An announcement on its way fails with the connection: nothing waits for it.
    this.announcer = null
    await sql?.end({ timeout: 5 })
  }

  async isHealthy(): Promise<boolean> {
    const sql = this.sql
    if (sql === null) return false
    const answer = sql`SELECT 1`.then(
      () => true,
      () => false,
    )
    return Promise.race([answer, sleep(2000, false)])
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let appended = false
    const result = await this.write(async (sql) => {
      const pipeline = new StatementPipeline()
      const operations = bindOperations({ sql, pipeline, feedKey: this.feedKey }, postgresOperations)
      const tx: StoreTransaction = {
        ...operations,
        appendChanges: (args) => {
          appended = true
          return operations.appendChanges(args)
        },
      }
      const value = await work(tx)
      await pipeline.settle()
      return value
    })
    // This process's readers at once; the other collectors' through NOTIFY.
    if (appended) {
      this.commits.notify()
      this.announcer?.announce()
    }
    return result
  }

  listEvents(query: EventQuery): Promise<EventPage> {
    return this.read((reads) => reads.listEvents(query))
  }

  findContacts(lookup: ContactLookup): Promise<ContactDetail[]> {
    return this.read((reads) => reads.findContacts(lookup))
  }

  getContact(id: string): Promise<ContactDetail | null> {
    return this.read((reads) => reads.getContact(id))
  }

  readChanges(query: ChangeQuery): Promise<ChangePage> {
    // Outside a transaction the pool runs the same statement (a transaction handle only adds savepoints).
    return this.read(() => readChanges({ sql: this.sql as unknown as TransactionSql, feedKey: this.feedKey }, query))
  }

  latestChangeCursor(): Promise<string | null> {
    return this.read(() =>
      lastChangeCursor({ sql: this.sql as unknown as TransactionSql, feedKey: this.feedKey }, { after: null }),
    )
  }

  recentContactChanges(query: { contactIds: string[]; limit: number }): Promise<Change[]> {
    return this.read(() => recentContactChanges(this.sql!, query))
  }

  countContacts(): Promise<ContactCounts> {
    return this.read(() => countContacts(this.sql!))
  }

  listContacts(query: ContactListQuery): Promise<ContactListPage> {
    return this.read(() => listContacts(this.sql!, query))
  }

  onChanges(listener: () => void): () => void {
    return this.commits.subscribe(listener)
  }

  /** Runs `work` in a transaction shared with the writes queued beside it (group commit). */
  private write<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T> {
    this.connected()
    return this.writer!.run(work)
  }

  private async read<T>(query: (reads: PostgresReads) => Promise<T>): Promise<T> {
    this.connected()
    try {
      return await query(this.reads!)
    } catch (error) {
      throw toPostgresStoreError(error, this.description)
    }
  }

  private connected(): Sql {
    if (this.sql === null)
      throw new StoreUnavailableError(`${this.description} is not open: call open() first (or it was closed)`)
    return this.sql
  }
}
