import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import { ConsoleLayout, type ConsoleSection } from '../components/index.js'

export interface PageOptions {
  assets: ConsoleAssetFiles
  title: string
  section?: ConsoleSection
  signedIn: boolean
  status?: ContentfulStatusCode
}

/**
 * Answers with a whole console page: `body` inside the layout, as HTML.
 *
 * @example
 * return renderConsolePage(c, { assets, title: 'Events', section: 'events', signedIn: true }, <EventsPage … />)
 */
export async function renderConsolePage(c: Context, options: PageOptions, body: Child): Promise<Response> {
  const assetVersion = await options.assets.version()
  return c.html(
    <ConsoleLayout
      title={options.title}
      section={options.section}
      assetVersion={assetVersion}
      signedIn={options.signedIn}
    >
      {body}
    </ConsoleLayout>,
    options.status ?? 200,
  )
}
