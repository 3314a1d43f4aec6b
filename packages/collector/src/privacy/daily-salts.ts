/** Gives the salt of one UTC day, creating it on first use, and deletes the salts of earlier days. */
export type LoadDailySalt = (day: string) => Promise<string>

/**
 * The cookieless salt of the current UTC day, from the store (so every collector of one
 * store hashes alike), kept in memory for the rest of the day: one store call per day.
 *
 * @example
 * const salts = new DailySalts(storeDailySalt(store))
 * const salt = await salts.saltAt(new Date())
 */
export class DailySalts {
  private current: { day: string; salt: Promise<string> } | null = null

  constructor(private readonly load: LoadDailySalt) {}

  saltAt(at: Date): Promise<string> {
    const day = at.toISOString().slice(0, 10)
    if (this.current?.day !== day) {
      const salt = this.load(day)
      this.current = { day, salt }
      // A failed load is not kept: the next request of the day tries the store again.
      salt.catch(() => {
        if (this.current?.salt === salt) this.current = null
      })
    }
    return this.current.salt
  }
}
