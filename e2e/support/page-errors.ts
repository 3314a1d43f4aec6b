import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core'

/**
 * Chromium's own line for a request that failed or answered an error status. Tests that
 * inject network faults expect it; everything else printed as an error is a finding.
 */
export const NETWORK_FAILURE_LOG = /^Failed to load resource: /

/**
 * Records uncaught exceptions, unhandled rejections and `console.error` of every page of the
 * context: a tracker that swallows an error still has to stay silent in the host page, and
 * one that lets it escape breaks the site.
 *
 * @example
 *   const pageErrors = watchPageErrors(context)
 *   // … drive the pages …
 *   expect(pageErrors.list()).toEqual([])
 */
export function watchPageErrors(context: BrowserContext, { allow = [] }: { allow?: RegExp[] } = {}) {
  const errors: string[] = []
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`uncaught in ${page.url()}: ${error.stack ?? error.message}`))
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (allow.some((pattern) => pattern.test(text))) return
      const { url, lineNumber } = message.location()
      errors.push(`console.error in ${page.url()} (${url}:${lineNumber}): ${text}`)
    })
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  return {
    /** Each error as one line, to compare with `[]` so that a failure prints them all. */
    list: (): string[] => [...errors],
  }
}
