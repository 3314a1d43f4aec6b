import { randomBytes } from 'node:crypto'
import type { Transactional } from '../transaction/store-transaction.js'
import type { LoadDailySalt } from './daily-salts.js'

/**
 * Loads a day's cookieless salt from the store, offering a fresh random one in case the
 * day has none yet; the store keeps whichever came first, so every collector of one store
 * gets the same salt, and it deletes the earlier days'.
 *
 * @example
 * const salts = new DailySalts(storeDailySalt(store))
 */
export function storeDailySalt(store: Transactional): LoadDailySalt {
  return (day) => store.transaction((tx) => tx.dailySalt({ day, candidate: randomBytes(32).toString('base64url') }))
}
