import type { StoreTransaction } from '../transaction/store-transaction.js'

type Args<K extends keyof StoreTransaction> = Parameters<StoreTransaction[K]>[0]
type Result<K extends keyof StoreTransaction> = Awaited<ReturnType<StoreTransaction[K]>>

/**
 * Every transaction operation of one SQL dialect: one function per file under
 * `stores/<dialect>/operations/`, each taking the dialect's transaction handle and the
 * operation's arguments. The type makes a dialect that lacks an operation fail to compile.
 */
export type DialectOperations<Handle> = {
  [K in keyof StoreTransaction]: (handle: Handle, args: Args<K>) => Result<K> | Promise<Result<K>>
}

/**
 * The transaction object the domain works with, each operation bound to `handle`.
 *
 * @example
 * const tx = bindOperations(db, sqliteOperations)
 * await tx.createContact({ id, at })
 */
export function bindOperations<Handle>(handle: Handle, operations: DialectOperations<Handle>): StoreTransaction {
  const bound: Record<string, (args: never) => Promise<unknown>> = {}
  for (const [name, operation] of Object.entries(operations) as Array<
    [string, (handle: Handle, args: never) => unknown]
  >) {
    bound[name] = async (args) => operation(handle, args)
  }
  return bound as unknown as StoreTransaction
}
