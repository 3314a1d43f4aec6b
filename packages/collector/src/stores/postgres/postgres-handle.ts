import type { TransactionSql } from 'postgres'
import type { StatementPipeline } from './statement-pipeline.js'

/** What every PostgreSQL operation works with: one transaction, its pipeline, the feed's channel. */
export interface PostgresHandle {
  sql: TransactionSql
  /** Writes go through it unawaited; reads wait for the writes before them (see `StatementPipeline`). */
  pipeline: StatementPipeline
  /** The NOTIFY channel that wakes the feed's readers in every collector on this schema. */
  channel: string
  /** This schema's feed writers' lock (see `feed-writers.ts`). */
  feedKey: string
}
