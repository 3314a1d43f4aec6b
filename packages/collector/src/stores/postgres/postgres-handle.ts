import type { TransactionSql } from 'postgres'
import type { StatementPipeline } from './statement-pipeline.js'

/** What every PostgreSQL operation works with: one transaction, its pipeline, the feed writers' lock. */
export interface PostgresHandle {
  sql: TransactionSql
  /** Writes go through it unawaited; reads wait for the writes before them (see `StatementPipeline`). */
  pipeline: StatementPipeline
  /** This schema's feed writers' lock (see `feed-writers.ts`). */
  feedKey: string
}
