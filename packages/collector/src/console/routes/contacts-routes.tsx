import { Hono } from 'hono'
import { runOfRecord } from '../../automations/records/automation-run.js'
import { automationOfRecord } from '../../automations/records/stored-automation.js'
import { eraseContact } from '../../contacts/erase-contact.js'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { contactSegments } from '../../segments/contact-segments.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { streamEventPages } from '../export/stream-event-pages.js'
import { ContactPage } from '../pages/contact-page.js'
import { contactTitle } from '../pages/contact-title.js'
import { ContactsPage } from '../pages/contacts-page.js'
import { EraseContactPage } from '../pages/erase-contact-page.js'
import { findContactsByAny, isPossibleContactId } from './find-contacts-by-any.js'
import { renderConsolePage } from './render-console-page.js'

const TIMELINE_PAGE_SIZE = 50
const LIST_PAGE_SIZE = 50
const CHANGES_SHOWN = 20
const RUNS_SHOWN = 20

/** An id from the URL as a message may show it: short, control characters replaced. */
const printable = (id: string) =>
  id.slice(0, 80).replace(/[\u0000-\u001f\u007f]/g, '\ufffd') + (id.length > 80 ? '…' : '')

/**
 * `GET /console/contacts` (every contact, newest activity first, or a search),
 * `GET /console/contacts/:id` (the contact's page, with its latest change-feed entries),
 * `GET …/:id/export.json` (everything about the contact, streamed), `GET …/:id/erase`
 * (the confirmation) and `POST …/:id/erase`.
 *
 * @example
 * app.route('/', contactsRoutes({ deps, assets }))
 */
export function contactsRoutes(options: { deps: ConsoleDeps; assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { deps, assets } = options
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  const page = (title: string) => ({ assets, title, section: 'contacts' as const, signedIn: true })

  async function contactOr404(id: string) {
    const contact = isPossibleContactId(id) ? await store.getContact(id) : null
    if (!contact) {
      throw new ApiError(404, 'not_found', `No contact with id "${printable(id)}": it may have been erased.`)
    }
    return contact
  }

  /** The names of a few automations, by id; a deleted one has none. */
  async function namesOfAutomations(ids: ReadonlySet<string>): Promise<Map<string, string>> {
    const found = await store.transaction((tx) =>
      Promise.all([...ids].map((id) => tx.findRecords({ kind: 'automation', id, limit: 1 }))),
    )
    return new Map(found.flat().map((record) => [record.id, automationOfRecord(record).name]))
  }

  app.get('/contacts', async (c) => {
    const query = (c.req.query('q') ?? '').trim()
    const erased = c.req.query('erased')
    if (query) {
      const contacts = await findContactsByAny(store, query)
      return renderConsolePage(c, page('Contacts'), <ContactsPage query={query} contacts={contacts} erased={erased} />)
    }
    const cursor = c.req.query('cursor') || undefined
    const list = await store.listContacts({ limit: LIST_PAGE_SIZE, cursor })
    return renderConsolePage(
      c,
      page('Contacts'),
      <ContactsPage query="" contacts={[]} list={{ ...list, cursor }} erased={erased} />,
    )
  })

  app.get('/contacts/:id', async (c) => {
    const contact = await contactOr404(c.req.param('id'))
    const cursor = c.req.query('cursor') || undefined
    const [timeline, changes, segments, runs] = await Promise.all([
      store.listEvents({ contactId: contact.id, limit: TIMELINE_PAGE_SIZE, cursor }),
      store.recentContactChanges({ contactIds: [contact.id, ...contact.mergedFrom], limit: CHANGES_SHOWN }),
      contactSegments(store, contact.id),
      store.transaction((tx) => tx.findRecords({ kind: 'run', contactId: contact.id, limit: RUNS_SHOWN })),
    ])
    const automationNames = await namesOfAutomations(new Set(runs.map((run) => run.automationId!)))
    return renderConsolePage(
      c,
      page(contactTitle(contact)),
      <ContactPage
        contact={contact}
        events={timeline.events}
        nextCursor={timeline.nextCursor}
        cursor={cursor}
        changes={changes}
        segments={segments}
        runs={runs.map(runOfRecord)}
        automationNames={automationNames}
      />,
    )
  })

  app.get('/contacts/:id/export.json', async (c) => {
    const found = await contactOr404(c.req.param('id'))
    // The same contact as `GET /v1/contacts/:id`, segments included: they are about the person too.
    const contact = { ...found, segments: await contactSegments(store, found.id) }
    const body = streamEventPages({
      store,
      query: { contactId: contact.id },
      header: `{"contact":${JSON.stringify(contact)},"events":[`,
      line: (event, index) => (index === 0 ? '\n' : ',\n') + JSON.stringify(event),
      footer: '\n]}\n',
    })
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="sillage-contact-${contact.id.replace(/[^\w.-]/g, '_')}.json"`,
    })
  })

  app.get('/contacts/:id/erase', async (c) => {
    const contact = await contactOr404(c.req.param('id'))
    return renderConsolePage(c, page(`Erase ${contactTitle(contact)}`), <EraseContactPage contact={contact} />)
  })

  app.post('/contacts/:id/erase', async (c) => {
    const contact = await contactOr404(c.req.param('id'))
    if (!(await eraseContact(store, { id: contact.id, at: deps.now().toISOString() }))) {
      throw new ApiError(404, 'not_found', `No contact with id "${contact.id}": it was erased meanwhile.`)
    }
    return c.redirect(`/console/contacts?erased=${encodeURIComponent(contactTitle(contact))}`, 303)
  })
  return app
}
