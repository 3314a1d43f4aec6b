import type { SegmentSqlDialect } from './segment-sql-dialect.js'

/** A parameter: a constant, or computed from `now` when the statement is bound. */
type Parameter = { constant: unknown } | { fromNow: (now: Date) => unknown }

/**
 * Collects the parameters of a statement as it is written, in placeholder order.
 *
 * @example
 * const parameters = new SqlParameters(dialect)
 * const sql = `e.timestamp > ${parameters.instantFromNow((now) => now.getTime() - 3_600_000)}`
 * statement.all(...parameters.bind(new Date()))
 */
export class SqlParameters {
  private readonly values: Parameter[] = []

  constructor(private readonly dialect: SegmentSqlDialect) {}

  /** A constant parameter's placeholder. */
  add = (value: unknown): string => this.push({ constant: value })

  /** An instant, as epoch milliseconds computed from `now` at bind time. */
  instantFromNow(at: (now: Date) => number): string {
    return this.dialect.instant(this.push({ fromNow: (now) => new Date(at(now)).toISOString() }))
  }

  /** A fixed instant (epoch milliseconds). */
  instant(at: number): string {
    return this.dialect.instant(this.push({ constant: new Date(at).toISOString() }))
  }

  /** The values for the placeholders, at `now`. */
  bind(now: Date): unknown[] {
    return this.values.map((value) => ('constant' in value ? value.constant : value.fromNow(now)))
  }

  private push(value: Parameter): string {
    this.values.push(value)
    return this.dialect.placeholder(this.values.length)
  }
}
