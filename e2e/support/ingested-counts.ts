import type { RunningCollector } from './collector.js'

export interface IngestedCounts {
  accepted: number
  /** Events the collector received again after storing them: re-sent duplicates. */
  duplicate: number
  rejected: number
}

/**
 * What the collector counted at its door (`GET /metrics`, `sillage_events_total`): every
 * event of every request it received, unload requests included, which the browser's own
 * request events miss once the page is gone.
 *
 * @example
 *   const { accepted, duplicate } = await ingestedCounts(collector)
 */
export async function ingestedCounts(collector: RunningCollector): Promise<IngestedCounts> {
  const response = await fetch(`${collector.url}/metrics`, {
    headers: { authorization: `Bearer ${collector.secretKey}` },
  })
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}: ${await response.text()}`)
  const text = await response.text()
  const count = (outcome: string) =>
    Number(text.match(new RegExp(`^sillage_events_total\\{outcome="${outcome}"\\} (\\d+)`, 'm'))?.[1] ?? 0)
  return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') }
}
