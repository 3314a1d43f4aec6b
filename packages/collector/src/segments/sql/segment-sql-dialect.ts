import type { OpAndOperand } from '../comparison-of.js'

/** Adds a parameter (a value, or a function of `now` computed at bind time) and returns its placeholder. */
export type AddParameter = (value: unknown) => string

/**
 * What differs between SQL dialects when compiling a segment condition: how JSON is
 * walked and compared, how parameters and instants are written. Everything else (the
 * shape of the query, windows, counts, sequences) is shared.
 */
export interface SegmentSqlDialect {
  /** The placeholder of the n-th parameter (1-based). */
  placeholder(position: number): string
  /** An instant parameter (given as ISO-8601 text) as the events table's `timestamp` compares. */
  instant(placeholder: string): string
  /** The JSON of member `name` of the JSON object `parent` (NULL when missing or `parent` is no object). */
  member(parent: string, name: string, add: AddParameter): string
  /** The JSON held by the value column of a row produced by `expand`, when it is an object (else NULL). */
  objectOf(alias: string): string
  /** FROM items, the last aliased `alias`, with one row per value: the array's elements, or the value itself. */
  expand(json: string, alias: string): string
  /** A boolean test of the value row `alias` (never `neq`, `notContains`: they are negated `eq`, `contains`). */
  test(alias: string, comparison: OpAndOperand, add: AddParameter): string
  /** The JSON of a contact attribute; `email`, `userId` and `identified` come from the contact row `c`. */
  attribute(name: string, add: AddParameter): string
}
