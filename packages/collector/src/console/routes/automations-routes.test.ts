import { afterEach, describe, expect, it } from 'vitest'
import { type AutomationHarness, automationHarness } from '../../../test/automations/automation-harness.js'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'

let h: AutomationHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

async function signedIn() {
  h = await automationHarness('memory:')
  const browser = consoleBrowser(h.app)
  await browser.signIn()
  return { h, browser }
}

const definition = (endpoint: string) =>
  JSON.stringify({ trigger: { event: 'signed_up' }, steps: [{ webhook: { endpoint } }, { exit: 'done' }] })

/** What a person reads on the page: text without tags, entities decoded, spaces folded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const idFrom = (response: Response) =>
  /\/console\/automations\/(au_[\w-]+)/.exec(response.headers.get('Location')!)![1]!

describe('automations in the console', () => {
  it('says what to do when there is none, with an example definition', async () => {
    const { browser } = await signedIn()
    const html = await (await browser.get('/console/automations')).text()
    expect(visibleText(html)).toContain('No automation yet')
    expect(html).toContain('href="/console/webhooks"')
    expect(visibleText(html)).toContain('"trigger": { "event": "signed_up" }')
    expect(html).toContain('aria-current="page">Automations</a>')
  })

  it('shows a refused definition’s problems in place with the input kept, then saves the fixed one', async () => {
    const { h, browser } = await signedIn()
    const endpoint = await h.endpoint()
    const typo = JSON.stringify({ trigger: { event: 'signed_up' }, steps: [{ delay: 'soon' }] })
    const refused = await browser.post('/console/automations/new', { name: 'Welcome', definition: typo })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(visibleText(html)).toMatch(/steps\.0\.delay: [^<]*duration/)
    expect(html).toContain('value="Welcome"')
    expect(html).toContain(typo.replace(/"/g, '&quot;'))
    expect(html).toContain('aria-invalid="true"')

    const notJson = await browser.post('/console/automations/new', { name: 'Welcome', definition: '{"trigger": ' })
    expect(notJson.status).toBe(400)
    expect(visibleText(await notJson.text())).toContain('definition: is not valid JSON')
    const noName = await browser.post('/console/automations/new', { name: ' ', definition: definition(endpoint.id) })
    expect(visibleText(await noName.text())).toContain('name: must not be empty')

    const saved = await browser.post('/console/automations/new', {
      name: 'Welcome',
      definition: definition(endpoint.id),
    })
    expect(saved.status).toBe(303)
    const id = idFrom(saved)
    const [stored] = (await h.admin('GET', '/v1/automations')).body.automations
    expect(stored).toMatchObject({ id, name: 'Welcome', enabled: true })
    expect(stored.steps).toEqual([{ webhook: { endpoint: endpoint.id } }, { exit: 'done' }])
    const list = visibleText(await (await browser.get('/console/automations')).text())
    expect(list).toContain('Welcome event signed_up active')
  })

  it('edits, pauses, resumes and deletes after a confirmation; refuses a form from another site', async () => {
    const { h, browser } = await signedIn()
    const endpoint = await h.endpoint()
    const id = idFrom(
      await browser.post('/console/automations/new', { name: 'A', definition: definition(endpoint.id) }),
    )
    const href = `/console/automations/${id}`
    const editor = await (await browser.get(`${href}/edit`)).text()
    expect(editor).toContain('value="A"')
    expect(editor).toContain(`&quot;endpoint&quot;: &quot;${endpoint.id}&quot;`)

    expect((await browser.post(`${href}/pause`)).headers.get('Location')).toBe(`${href}?done=paused`)
    expect(visibleText(await (await browser.get(`${href}?done=paused`)).text())).toContain('Paused: its triggers')
    const edited = await browser.post(`${href}/edit`, {
      name: 'B',
      description: 'new',
      definition: definition(endpoint.id),
    })
    expect(edited.headers.get('Location')).toBe(`${href}?done=saved`)
    expect((await h.admin('GET', `/v1/automations/${id}`)).body).toMatchObject({ name: 'B', enabled: false })
    await browser.post(`${href}/resume`)
    expect((await h.admin('GET', `/v1/automations/${id}`)).body.enabled).toBe(true)

    const foreign = await browser.post(`${href}/delete`, {}, { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(visibleText(await (await browser.get(`${href}/delete`)).text())).toContain('Delete “B”?')
    const deleted = await browser.post(`${href}/delete`)
    expect(deleted.headers.get('Location')).toBe('/console/automations?deleted=B')
    expect((await h.admin('GET', `/v1/automations/${id}`)).status).toBe(404)
    expect((await browser.get(href)).status).toBe(404)
  })

  it('lists runs newest first, page by page, and shows a run’s step log, contact and messages', async () => {
    const { h, browser } = await signedIn()
    const endpoint = await h.endpoint()
    const always = JSON.stringify({
      reentry: 'always',
      trigger: { event: 'signed_up' },
      steps: [{ webhook: { endpoint: endpoint.id } }],
    })
    const id = idFrom(await browser.post('/console/automations/new', { name: 'Ping', definition: always }))
    for (let i = 0; i < 52; i++) {
      await h.send({ type: 'track', userId: 'u1', event: 'signed_up', messageId: `m-${i}` })
      h.advance(1000)
    }
    await h.runDue()
    const runs = (await h.admin('GET', `/v1/automations/${id}/runs`)).body.runs
    expect(runs).toHaveLength(52)
    const href = `/console/automations/${id}`
    const first = await (await browser.get(href)).text()
    const runLinks = (html: string) => [...html.matchAll(/href="[^"]*\/runs\/(run_[\w-]+)"/g)].map((m) => m[1])
    expect(runLinks(first)).toEqual(runs.slice(0, 50).map((run: { id: string }) => run.id))
    const next = /href="([^"]+)" rel="next"/.exec(first)![1]!.replace(/&amp;/g, '&')
    expect(runLinks(await (await browser.get(next)).text())).toEqual(
      runs.slice(50).map((run: { id: string }) => run.id),
    )
    const forged = await browser.get(`${href}?cursor=not-a-cursor`)
    expect(forged.status).toBe(400)

    const run = runs[0]
    const page = await (await browser.get(`${href}/runs/${run.id}`)).text()
    expect(page).toContain(`href="/console/contacts/${run.contactId}"`)
    for (const entry of run.log) expect(visibleText(page)).toContain(entry.outcome)
    expect(visibleText(page)).toMatch(/msg_[\w-]+ http:\/\/127\.0\.0\.1:\d+\/hooks delivered [\d: -]+UTC HTTP 204/)
    const contactPage = visibleText(await (await browser.get(`/console/contacts/${run.contactId}`)).text())
    expect(contactPage).toContain('Automation runs')
    expect(contactPage).toMatch(/Ping exited/)
    expect((await browser.get(`${href}/runs/run_nope`)).status).toBe(404)
  })
})
