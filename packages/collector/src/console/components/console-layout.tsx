import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'

export type ConsoleSection = 'overview' | 'events' | 'contacts' | 'segments' | 'automations'

export interface ConsoleLayoutProps {
  title: string
  /** Highlighted in the navigation; absent on pages outside it (sign-in, errors). */
  section?: ConsoleSection
  /** Busts the browser cache of the console's script and stylesheet when they change. */
  assetVersion: string
  /** Shows the navigation and the sign-out button. */
  signedIn: boolean
  children?: Child
}

const SECTIONS: { id: ConsoleSection; href: string; label: string; key: string }[] = [
  { id: 'overview', href: '/console', label: 'Overview', key: 'g o' },
  { id: 'events', href: '/console/events', label: 'Events', key: 'g e' },
  { id: 'contacts', href: '/console/contacts', label: 'Contacts', key: 'g c' },
  { id: 'segments', href: '/console/segments', label: 'Segments', key: 'g s' },
  { id: 'automations', href: '/console/automations', label: 'Automations', key: 'g a' },
]

/**
 * Every console page: head with the console's own script and stylesheet (the CSP allows
 * nothing else), a skip link, the navigation, and the keyboard shortcuts.
 *
 * @example
 * <ConsoleLayout title="Events" section="events" assetVersion={version} signedIn>…</ConsoleLayout>
 */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const v = encodeURIComponent(props.assetVersion)
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Sillage console`}</title>
          <link rel="icon" href="/console/assets/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href={`/console/assets/console.css?v=${v}`} />
          <script defer src={`/console/assets/console.js?v=${v}`}></script>
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="top">
            <span class="brand">Sillage</span>
            {props.signedIn && (
              <>
                <nav aria-label="Console">
                  {SECTIONS.map((section) => (
                    <a href={section.href} aria-current={props.section === section.id ? 'page' : undefined}>
                      {section.label}
                    </a>
                  ))}
                </nav>
                <form method="post" action="/console/sign-out" class="sign-out">
                  <button type="submit">Sign out</button>
                </form>
              </>
            )}
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          {props.signedIn && (
            <footer>
              <details class="shortcuts">
                <summary>Keyboard shortcuts</summary>
                <dl>
                  <dt>/</dt>
                  <dd>Focus the filter or search box</dd>
                  {SECTIONS.map((section) => (
                    <>
                      <dt>{section.key}</dt>
                      <dd>Go to {section.label}</dd>
                    </>
                  ))}
                  <dt>j / k</dt>
                  <dd>Next / previous event</dd>
                  <dt>o</dt>
                  <dd>Open or close the selected event's payload</dd>
                </dl>
              </details>
            </footer>
          )}
        </body>
      </html>
    </>
  )
}
