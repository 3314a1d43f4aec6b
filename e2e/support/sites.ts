import { fileURLToPath } from 'node:url'
import { serveExample } from '../../examples/serve.mjs'
import type { RunningCollector } from './collector.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The shop of `examples/script-tag`: only the two-line script tag the README gives. */
export const SHOP = here('../../examples/script-tag')
/** The client-routed app of `examples/spa` (bundled by the e2e global setup). */
export const SPA = here('../../examples/spa')
/** Pages that exist only to be tested: a bare site, a Brevo snippet, a hostile host page. */
export const FIXTURES = here('../fixtures')

export type Site = Awaited<ReturnType<typeof serveExample>>

/**
 * Serves a site on its own port (so ingestion is cross-origin, as on a real site), with
 * `{{COLLECTOR}}` and `{{WRITE_KEY}}` filled in for this collector.
 */
export function serveSite(root: string, collector: RunningCollector, { spaFallback = false } = {}): Promise<Site> {
  return serveExample({ root, collector: collector.url, writeKey: collector.writeKey, spaFallback })
}
