import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation, listing each
 * rule with the elements it found. The console's CSP refuses inline scripts, so a
 * `<script>` tag (`page.addScriptTag`) would be blocked, and bypassing the CSP would hide
 * the console's own CSP faults: axe is evaluated through the DevTools protocol instead,
 * which a page's CSP does not govern.
 *
 * @example
 *   await expectAccessible(page)
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run()).violations
  })
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const where = JSON.stringify(violation.nodes.map((node) => node.target))
      return `${violation.id} (${violation.impact}): ${violation.help} at ${where}`
    })
  expect(serious, `accessibility of ${page.url()}`).toEqual([])
}
