import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium unless `CHROMIUM_PATH` points elsewhere (Playwright cannot download its own here). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
]

/**
 * One browser per test file; each test opens its own context, so storage (IndexedDB,
 * localStorage, Web Locks) never leaks from one test into the next.
 *
 * @example
 *   let browser: Browser
 *   beforeAll(async () => { browser = await launchChromium() })
 *   afterAll(async () => { await browser?.close() })
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}
