import { Hono } from 'hono'
import type { Context } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { contactSegments } from '../../segments/contact-segments.js'
import { deleteSegmentDefinition } from '../../segments/delete-segment-definition.js'
import { explainMembership } from '../../segments/explain-membership.js'
import { decodeMembersCursor } from '../../segments/members-cursor.js'
import { previewSegment } from '../../segments/preview-segment.js'
import { readSegment, readSegments } from '../../segments/read-segments.js'
import { saveSegmentDefinition } from '../../segments/save-segment-definition.js'
import { segmentMembersPage } from '../../segments/segment-members-page.js'
import type { SegmentWithSize } from '../../segments/stored-segment.js'
import { InvalidCursorError } from '../../stores/store.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import { SegmentPreviewResult } from '../components/segment-preview-result.js'
import type { ConsoleDeps } from '../console-deps.js'
import { DeleteSegmentPage } from '../pages/delete-segment-page.js'
import { SegmentEditorPage, type SegmentEditorPageProps } from '../pages/segment-editor-page.js'
import { SEGMENT_EXAMPLE_MATCH } from '../pages/segment-example.js'
import { SegmentExplainPage } from '../pages/segment-explain-page.js'
import { SegmentPage } from '../pages/segment-page.js'
import { SegmentsPage } from '../pages/segments-page.js'
import { findContactsByAny } from './find-contacts-by-any.js'
import { renderConsolePage } from './render-console-page.js'
import { readSegmentDefinition, readSegmentMatch, segmentFormInput, type SegmentFormInput } from './segment-form.js'

const MEMBERS_PAGE_SIZE = 50
/** Contacts a preview shows, as the read API's preview does. */
const PREVIEW_SAMPLE = 10
/** The contact's latest changes searched for its entries into and exits from the segment. */
const HISTORY_CHANGES = 200

export interface SegmentsRoutesOptions {
  deps: ConsoleDeps
  assets: ConsoleAssetFiles
  /** Told after a save, so the background computation starts at once. */
  onSegmentsSaved?: () => void
}

/**
 * The console's segments: the list (`GET /console/segments`), the builder (`/new`,
 * `/:id/edit`: GET the form, POST to preview or save), the live count the console script
 * fetches (`POST /segments/preview`, an HTML fragment), a segment's page with its members,
 * the explanation for one contact (`/:id/explain?contact=`) and deletion (`/:id/delete`,
 * confirmed). Same store functions as the read API.
 *
 * @example
 * app.route('/', segmentsRoutes({ deps, assets, onSegmentsSaved }))
 */
export function segmentsRoutes(options: SegmentsRoutesOptions): Hono<CollectorEnv> {
  const { deps, assets } = options
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  const now = () => deps.now().toISOString()
  const page = (title: string, status: 200 | 400 | 404 = 200) =>
    ({ assets, title, section: 'segments', signedIn: true, status }) as const

  async function segmentOr404(id: string): Promise<SegmentWithSize> {
    const segment = await readSegment(store, id)
    if (segment === null) {
      throw new ApiError(404, 'not_found', `No segment with id "${id.slice(0, 80)}": it may have been deleted.`)
    }
    return segment
  }

  const renderEditor = (c: Context, props: SegmentEditorPageProps, status: 200 | 400 = 200) =>
    renderConsolePage(
      c,
      page(props.segment ? `Edit ${props.segment.name}` : 'New segment', status),
      <SegmentEditorPage {...props} />,
    )

  /** Preview or save, as the pressed button says; a refusal shows the form again with what was typed. */
  async function submitEditor(c: Context, segment?: SegmentWithSize): Promise<Response> {
    const body = await c.req.parseBody()
    const input = segmentFormInput(body)
    if (body.intent === 'preview') {
      const match = readSegmentMatch(input.match)
      if (!match.ok) return renderEditor(c, { segment, input, previewProblems: match.problems }, 400)
      const preview = await previewSegment(store, { match: match.value, now: deps.now(), sampleSize: PREVIEW_SAMPLE })
      return renderEditor(c, { segment, input, preview })
    }
    const definition = readSegmentDefinition(input)
    if (!definition.ok) return renderEditor(c, { segment, input, problems: definition.problems }, 400)
    let saved: SegmentWithSize | null
    try {
      saved = await saveSegmentDefinition(store, { id: segment?.id, definition: definition.value, at: now() })
    } catch (error) {
      // Unknown or looping segment references: problems of the condition, shown beside it.
      if (!(error instanceof ApiError) || error.status !== 400) throw error
      const problems = (error.issues ?? [error.message]).map(String)
      return renderEditor(c, { segment, input, problems: { match: problems } }, 400)
    }
    if (saved === null) {
      throw new ApiError(404, 'not_found', `No segment with id "${segment!.id}": it was deleted meanwhile.`)
    }
    options.onSegmentsSaved?.()
    return c.redirect(`/console/segments/${encodeURIComponent(saved.id)}?saved=1`, 303)
  }

  app.get('/segments', async (c) => {
    const deleted = c.req.query('deleted')
    return renderConsolePage(
      c,
      page('Segments'),
      <SegmentsPage segments={await readSegments(store)} deleted={deleted} />,
    )
  })

  app.get('/segments/new', (c) => {
    const input: SegmentFormInput = { name: '', description: '', match: SEGMENT_EXAMPLE_MATCH }
    return renderEditor(c, { input })
  })

  app.post('/segments/new', (c) => submitEditor(c))

  app.post('/segments/preview', async (c) => {
    // The answer is a fragment of the builder; a condition still being typed is not an error.
    const match = readSegmentMatch(segmentFormInput(await c.req.parseBody()).match)
    if (!match.ok) return c.html(<SegmentPreviewResult problems={match.problems} />)
    const preview = await previewSegment(store, { match: match.value, now: deps.now(), sampleSize: PREVIEW_SAMPLE })
    return c.html(<SegmentPreviewResult preview={preview} />)
  })

  app.get('/segments/:id', async (c) => {
    const segment = await segmentOr404(c.req.param('id'))
    const cursor = c.req.query('cursor') || undefined
    const after = cursor === undefined ? undefined : decodeMembersCursor(cursor)
    if (after === null) throw new InvalidCursorError(cursor!)
    // Deleted since it was read: shown with no member, as it was.
    const members = (await segmentMembersPage(store, { segmentId: segment.id, after, limit: MEMBERS_PAGE_SIZE })) ?? {
      contacts: [],
      nextCursor: null,
    }
    return renderConsolePage(
      c,
      page(segment.name),
      <SegmentPage segment={segment} members={{ ...members, cursor }} saved={c.req.query('saved') === '1'} />,
    )
  })

  app.get('/segments/:id/edit', async (c) => {
    const segment = await segmentOr404(c.req.param('id'))
    const input = {
      name: segment.name,
      description: segment.description,
      match: JSON.stringify(segment.match, null, 2),
    }
    return renderEditor(c, { segment, input })
  })

  app.post('/segments/:id/edit', async (c) => submitEditor(c, await segmentOr404(c.req.param('id'))))

  app.get('/segments/:id/explain', async (c) => {
    const segment = await segmentOr404(c.req.param('id'))
    const query = (c.req.query('contact') ?? '').trim()
    const contacts = query ? await findContactsByAny(store, query) : []
    const props = { segment, query, contacts }
    if (contacts.length !== 1) {
      const status = query !== '' && contacts.length === 0 ? 404 : 200
      return renderConsolePage(c, page(`Explain ${segment.name}`, status), <SegmentExplainPage {...props} />)
    }
    const contact = contacts[0]!
    const [explanation, memberships, changes] = await Promise.all([
      explainMembership(store, { segment, contactId: contact.id, now: deps.now() }),
      contactSegments(store, contact.id),
      store.recentContactChanges({ contactIds: [contact.id, ...contact.mergedFrom], limit: HISTORY_CHANGES }),
    ])
    if (explanation === null) {
      throw new ApiError(404, 'not_found', `No contact with id "${contact.id}": it was erased meanwhile.`)
    }
    const history = changes.filter(
      (change) => change.type.startsWith('segment.') && change.data?.segmentId === segment.id,
    )
    const enteredAt = memberships.find((membership) => membership.id === segment.id)?.enteredAt ?? null
    return renderConsolePage(
      c,
      page(`Explain ${segment.name}`),
      <SegmentExplainPage {...props} explanation={explanation ?? undefined} enteredAt={enteredAt} history={history} />,
    )
  })

  app.get('/segments/:id/delete', async (c) => {
    const segment = await segmentOr404(c.req.param('id'))
    return renderConsolePage(c, page(`Delete ${segment.name}`), <DeleteSegmentPage segment={segment} />)
  })

  app.post('/segments/:id/delete', async (c) => {
    const segment = await segmentOr404(c.req.param('id'))
    if (!(await deleteSegmentDefinition(store, segment.id))) {
      throw new ApiError(404, 'not_found', `No segment with id "${segment.id}": it was deleted meanwhile.`)
    }
    return c.redirect(`/console/segments?deleted=${encodeURIComponent(segment.name)}`, 303)
  })
  return app
}
