import { Hono } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { collectOverview } from '../overview/collect-overview.js'
import { OverviewPage } from '../pages/overview-page.js'
import { requestOrigin } from '../session/index.js'
import { renderConsolePage } from './render-console-page.js'

const WINDOW_DAYS = 14
/** Bounds the work of one overview on a busy store; the page says when it was reached. */
const MAX_EVENTS = 20_000

/**
 * `GET /console`: the overview.
 *
 * @example
 * app.route('/', overviewRoute({ deps, assets }))
 */
export function overviewRoute(options: { deps: ConsoleDeps; assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { deps, assets } = options
  const app = new Hono<CollectorEnv>()
  app.get('/', async (c) => {
    const [overview, allContacts] = await Promise.all([
      collectOverview({ store: deps.store, now: deps.now(), windowDays: WINDOW_DAYS, maxEvents: MAX_EVENTS }),
      deps.store.countContacts(),
    ])
    const events = deps.metrics.events
    const outcomes = {
      accepted: events.value({ outcome: 'accepted' }),
      duplicate: events.value({ outcome: 'duplicate' }),
      rejected: events.value({ outcome: 'rejected' }),
    }
    return renderConsolePage(
      c,
      { assets, title: 'Overview', section: 'overview', signedIn: true },
      <OverviewPage
        overview={overview}
        windowDays={WINDOW_DAYS}
        outcomes={outcomes}
        allContacts={allContacts}
        origin={requestOrigin(c, deps)}
        writeKey={deps.writeKeys[0]!}
      />,
    )
  })
  return app
}
