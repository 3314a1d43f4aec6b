import type { Page } from 'playwright-core'

export interface SillageOnDevice {
  cookies: string[]
  localStorage: string[]
  indexedDB: string[]
}

/** Nothing of Sillage anywhere on the device. */
export const NOTHING_ON_DEVICE: SillageOnDevice = { cookies: [], localStorage: [], indexedDB: [] }

/**
 * What the browser holds for the page's origin that belongs to Sillage (names starting with
 * `sillage`), read through the browser itself, never through the tracker: the cookie jar
 * of the context, the page's localStorage keys and its IndexedDB databases.
 *
 * @example
 *   expect(await sillageOnDevice(page)).toEqual(NOTHING_ON_DEVICE)
 */
export async function sillageOnDevice(page: Page): Promise<SillageOnDevice> {
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`)
  const { localStorageKeys, databases } = await page.evaluate(async () => ({
    localStorageKeys: Object.keys(localStorage),
    databases: (await indexedDB.databases()).map((database) => database.name ?? ''),
  }))
  const ours = (names: string[]) => names.filter((name) => name.startsWith('sillage')).sort()
  return { cookies: ours(cookies), localStorage: ours(localStorageKeys), indexedDB: ours(databases) }
}
