import { afterEach, describe, expect, it } from 'vitest'
import { SegmentUpkeep } from '../../segments/upkeep/segment-upkeep.js'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector } from '../../../test/helpers/test-collector.js'

const opened: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const closer of opened.splice(0).reverse()) await closer.close()
})

const repeatBuyers = JSON.stringify({ event: 'order_completed', count: { gte: 2 }, within: '30d' })

/** Ann and Cyd ordered twice in May, Bob once; the clock is pinned, the segment upkeep settled by hand. */
async function shop() {
  const now = () => new Date('2024-05-10T12:00:00.000Z')
  const collector = await testCollector({ now })
  opened.push(collector.store)
  const upkeep = new SegmentUpkeep({ store: collector.store, now })
  const order = (userId: string, day: number) => ({
    type: 'track',
    event: 'order_completed',
    userId,
    messageId: `${userId}-order-${day}`,
    timestamp: `2024-05-0${day}T12:00:00.000Z`,
  })
  const identify = (userId: string) => ({
    type: 'identify',
    userId,
    traits: { email: `${userId}@example.com` },
    messageId: `${userId}-identify`,
    timestamp: '2024-05-01T00:00:00.000Z',
  })
  const identifies = [identify('ann'), identify('bob'), identify('cyd')]
  const orders = [order('ann', 1), order('ann', 5), order('bob', 2), order('cyd', 3), order('cyd', 4)]
  const batch = [...identifies, ...orders]
  await collector.post('/v1/batch', { batch })
  const browser = consoleBrowser(collector.app)
  await browser.signIn()
  const contactId = async (userId: string) =>
    (await (await collector.read(`/v1/contacts?userId=${userId}`)).json()).contacts[0].id as string
  /** Saves a segment through the builder and lets the computation finish. */
  const createSegment = async (name: string, match: string) => {
    const saved = await browser.post('/console/segments/new', { name, description: '', match, intent: 'save' })
    expect(saved.status).toBe(303)
    await upkeep.settle()
    return /^\/console\/segments\/([^?]+)\?saved=1$/.exec(saved.headers.get('Location')!)![1]!
  }
  const html = async (path: string) => (await browser.get(path)).text()
  return { ...collector, browser, contactId, createSegment, html, settle: () => upkeep.settle() }
}

/** The text of an HTML fragment, tags dropped, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
/** The contacts a preview lists, sorted (the sample comes in contact-id order, and ids are random). */
const sampleNames = (html: string) =>
  [...html.matchAll(/<li><a href="[^"]+">([^<]+)<\/a><\/li>/g)].map((m) => m[1]).sort()
const section = (html: string, labelledBy: string) =>
  new RegExp(`<section aria-labelledby="${labelledBy}"[^>]*>(.*?)</section>`, 's').exec(html)?.[1] ?? ''

describe('segments in the console', () => {
  it('says what a segment is and how to make one when there is none', async () => {
    const { html } = await shop()
    const page = await html('/console/segments')
    expect(page).toContain('<a href="/console/segments" aria-current="page">Segments</a>')
    expect(text(page)).toContain('No segments yet')
    expect(page).toContain('<a href="/console/segments/new">Create a segment</a>')
    expect(text(page)).toContain('"event": "order_completed"')
  })

  it('keeps what was typed and shows each problem beside its field, with its path', async () => {
    const { browser, read } = await shop()
    const broken = await browser.post('/console/segments/new', {
      name: 'Buyers',
      description: 'kept',
      match: '{"event": "order_completed", "count": {"gte": 2},}',
      intent: 'save',
    })
    expect(broken.status).toBe(400)
    const page = await broken.text()
    expect(text(/<ul id="match-problems"[^>]*>(.*?)<\/ul>/s.exec(page)![1]!)).toMatch(
      /^match: is not valid JSON \(.+\); check quotes and commas$/,
    )
    expect(page).toContain('value="Buyers"')
    expect(page).toContain('value="kept"')
    expect(page).toContain('{&quot;event&quot;: &quot;order_completed&quot;, &quot;count&quot;: {&quot;gte&quot;: 2},}')

    const invalid = await browser.post('/console/segments/new', {
      name: ' ',
      description: '',
      match: '{"all": [{"event": "order_completed", "count": {"gte": "two"}}]}',
      intent: 'save',
    })
    expect(invalid.status).toBe(400)
    const again = await invalid.text()
    expect(text(/<ul id="name-problems"[^>]*>(.*?)<\/ul>/s.exec(again)![1]!)).toBe('name: must not be empty')
    expect(text(/<ul id="match-problems"[^>]*>(.*?)<\/ul>/s.exec(again)![1]!)).toBe(
      'match.all.0.count.gte: must be a number',
    )
    expect(again).toContain('aria-describedby="match-help match-problems"')
    expect(text(again)).toContain('Not saved: 2 problems to fix, marked beside their fields below.')
    expect((await (await read('/v1/segments')).json()).segments).toEqual([])
  })

  it('refuses a reference to a segment that does not exist, beside the condition', async () => {
    const { browser } = await shop()
    const page = await browser.post('/console/segments/new', {
      name: 'Ghosts',
      match: '{"segment": "seg_nope"}',
      intent: 'save',
    })
    expect(page.status).toBe(400)
    expect(text(/<ul id="match-problems"[^>]*>(.*?)<\/ul>/s.exec(await page.text())![1]!)).toBe(
      'match: refers to segment "seg_nope", which does not exist',
    )
  })

  it('previews the count and a sample without saving, with and without the script', async () => {
    const { browser, read, contactId } = await shop()
    const page = await browser.post('/console/segments/new', { name: '', match: repeatBuyers, intent: 'preview' })
    expect(page.status).toBe(200)
    const region = /<div aria-live="polite" data-preview-region[^>]*>(.*?)<\/section>/s.exec(await page.text())![1]!
    expect(text(region)).toMatch(/^2 contacts match this condition now\. \S+ \S+$/)
    expect(sampleNames(region)).toEqual(['ann@example.com', 'cyd@example.com'])
    expect(region).toContain(`href="/console/contacts/${await contactId('ann')}"`)

    const fragment = await browser.post('/console/segments/preview', { match: repeatBuyers })
    const body = await fragment.text()
    expect(fragment.status).toBe(200)
    expect(body).not.toContain('<html')
    expect(text(body)).toMatch(/^2 contacts match this condition now\. \S+ \S+$/)
    expect(sampleNames(body)).toEqual(['ann@example.com', 'cyd@example.com'])
    const typing = await browser.post('/console/segments/preview', { match: '{"event": "order_completed", "cou' })
    expect(text(await typing.text())).toMatch(/^Not counted: the condition is not valid yet\. match: is not valid JSON/)
    const once = await browser.post('/console/segments/preview', { match: '{"event": "order_completed"}' })
    expect(text(await once.text())).toMatch(/^3 contacts match/)
    expect((await (await read('/v1/segments')).json()).segments).toEqual([])
  })

  it('refuses a preview or a save posted from another origin', async () => {
    const { browser } = await shop()
    const forged = await browser.post('/console/segments/preview', { match: repeatBuyers }, { Origin: 'https://evil' })
    expect(forged.status).toBe(403)
    const save = { name: 'x', match: repeatBuyers, intent: 'save' }
    expect((await browser.post('/console/segments/new', save, { Origin: 'https://evil' })).status).toBe(403)
  })

  it('saves, then lists the segment with its members and shows them on its page', async () => {
    const { browser, html, read, contactId, settle } = await shop()
    const saved = await browser.post('/console/segments/new', {
      name: 'Repeat buyers',
      description: 'two orders in 30 days',
      match: repeatBuyers,
      intent: 'save',
    })
    expect(saved.status).toBe(303)
    const [segment] = (await (await read('/v1/segments')).json()).segments
    expect(segment).toMatchObject({ name: 'Repeat buyers', description: 'two orders in 30 days', status: 'computing' })
    expect(saved.headers.get('Location')).toBe(`/console/segments/${segment.id}?saved=1`)
    const computing = await html(saved.headers.get('Location')!)
    expect(text(computing)).toContain('Saved. Its members are computed')
    expect(text(section(computing, 'about'))).toContain('Status Computing… 0%')

    await settle()
    const list = await html('/console/segments')
    const rows = [...list.matchAll(/<tr data-segment-row[^>]*>(.*?)<\/tr>/gs)].map((match) => text(match[1]!))
    expect(rows).toEqual(['Repeat buyers two orders in 30 days 2 Ready 2024-05-10 12:00:00 UTC'])
    const page = await html(`/console/segments/${segment.id}`)
    expect(text(section(page, 'about'))).toContain('Members 2 Status Ready Computed 2024-05-10 12:00:00 UTC')
    const members = [...page.matchAll(/<tr data-member-row[^>]*>(.*?)<\/tr>/gs)].map((match) => match[1]!)
    const ids = [await contactId('ann'), await contactId('cyd')].sort()
    expect(members.map((row) => /href="\/console\/contacts\/([^"]+)"/.exec(row)![1]).sort()).toEqual(ids)
    expect(members.map((row) => text(row)).sort()).toEqual([
      'ann@example.com ann@example.com ann 2024-05-10 12:00:00 UTC',
      'cyd@example.com cyd@example.com cyd 2024-05-10 12:00:00 UTC',
    ])
    expect(page).toContain('&quot;event&quot;: &quot;order_completed&quot;')
  })

  it('pages through the members, and refuses a forged page link with a 400', async () => {
    const { post, html, browser, createSegment } = await shop()
    const batch = Array.from({ length: 52 }, (_, index) => ({
      type: 'track',
      event: 'signed_up',
      anonymousId: `visitor-${String(index).padStart(2, '0')}`,
      messageId: `signup-${index}`,
      timestamp: '2024-05-09T00:00:00.000Z',
    }))
    await post('/v1/batch', { batch })
    const id = await createSegment('Sign-ups', '{"event": "signed_up"}')
    const first = await html(`/console/segments/${id}`)
    expect(first.match(/data-member-row/g)).toHaveLength(50)
    const next = /<a href="([^"]+)" rel="next">More members<\/a>/.exec(first)![1]!
    const second = await html(next)
    expect(second.match(/data-member-row/g)).toHaveLength(2)
    expect(second).toContain(`<a href="/console/segments/${id}">First members</a>`)
    expect(second).not.toContain('rel="next"')
    const forged = await browser.get(`/console/segments/${id}?cursor=forged`)
    expect(forged.status).toBe(400)
    expect(text(await forged.text())).toContain('That page link is no longer valid: start again from the first page.')
  })

  it('explains why a contact is not in the segment: each condition with its evidence', async () => {
    const { html, createSegment, contactId } = await shop()
    const id = await createSegment(
      'French repeat buyers',
      JSON.stringify({ all: [JSON.parse(repeatBuyers), { attribute: 'email', endsWith: '@example.com' }] }),
    )
    const bob = await contactId('bob')
    for (const typed of ['bob', 'BOB@example.com', bob]) {
      const page = await html(`/console/segments/${id}/explain?contact=${encodeURIComponent(typed)}`)
      expect(text(/<h2 id="verdict">(.*?)<\/h2>/s.exec(page)![1]!), typed).toBe(
        'bob@example.com is not in French repeat buyers',
      )
    }
    const page = await html(`/console/segments/${id}/explain?contact=bob`)
    const rows = [...page.matchAll(/<li data-condition-row[^>]*>(.*?)<\/li>/gs)].map((match) => text(match[1]!))
    expect(rows).toEqual([
      '✗ does not hold match all of these 2 1 of 2 hold',
      '✗ does not hold match.all.0 {"event":"order_completed","count":{"gte":2},"within":"30d"} Matching events 1 ' +
        'First 2024-05-02 12:00:00 UTC Last 2024-05-02 12:00:00 UTC Events bob-order-2 Their order_completed events',
      '✓ holds match.all.1 {"attribute":"email","endsWith":"@example.com"} Values found bob@example.com',
    ])
    expect(text(page)).toContain('Stored membership: not a member.')
    expect(text(page)).toContain('No entry or exit recorded')

    const ann = await html(`/console/segments/${id}/explain?contact=ann`)
    expect(text(/<h2 id="verdict">(.*?)<\/h2>/s.exec(ann)![1]!)).toBe('ann@example.com is in French repeat buyers')
    expect(text(ann)).toContain('Stored membership: member since 2024-05-10 12:00:00 UTC')
    expect(text(ann)).toContain('Entered 2024-05-10 12:00:00 UTC')
  })

  it('says when no contact matches what was typed to explain', async () => {
    const { browser, createSegment } = await shop()
    const id = await createSegment('Buyers', '{"event": "order_completed"}')
    const page = await browser.get(`/console/segments/${id}/explain?contact=nobody`)
    expect(page.status).toBe(404)
    const body = await page.text()
    expect(text(body)).toContain('No contact matches “nobody”')
    expect(body).toContain('value="nobody"')
    const empty = await browser.get(`/console/segments/${id}/explain?contact=`)
    expect(empty.status).toBe(200)
    expect(text(await empty.text())).toContain('Type the contact to explain, and press Explain.')
  })

  it('edits a segment from a form holding its definition', async () => {
    const { browser, html, read, createSegment } = await shop()
    const id = await createSegment('Buyers', '{"event": "order_completed"}')
    const form = await html(`/console/segments/${id}/edit`)
    expect(form).toContain('<h1>Edit Buyers</h1>')
    expect(form).toContain('value="Buyers"')
    expect(form).toContain('{\n  &quot;event&quot;: &quot;order_completed&quot;\n}')
    const saved = await browser.post(`/console/segments/${id}/edit`, {
      name: 'Repeat buyers',
      description: '',
      match: repeatBuyers,
      intent: 'save',
    })
    expect(saved.headers.get('Location')).toBe(`/console/segments/${id}?saved=1`)
    const segment = await (await read(`/v1/segments/${id}`)).json()
    expect(segment).toMatchObject({ name: 'Repeat buyers', match: JSON.parse(repeatBuyers), status: 'computing' })
    expect((await browser.get('/console/segments/seg_gone/edit')).status).toBe(404)
  })

  it('deletes a segment only after the confirmation, and not while another uses it', async () => {
    const { browser, html, read, createSegment } = await shop()
    const buyers = await createSegment('Buyers', '{"event": "order_completed"}')
    const uses = await createSegment('Not buyers', JSON.stringify({ not: { segment: buyers } }))
    const confirm = await html(`/console/segments/${buyers}/delete`)
    expect(text(confirm)).toContain("Delete Buyers? This deletes the segment's definition and its list of 3 members.")
    const refused = await browser.post(`/console/segments/${buyers}/delete`)
    expect(refused.status).toBe(409)
    expect(text(await refused.text())).toContain(`is used by "Not buyers" (${uses}): remove those references first.`)

    const deleted = await browser.post(`/console/segments/${uses}/delete`)
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('Location')).toBe('/console/segments?deleted=Not%20buyers')
    expect((await read(`/v1/segments/${uses}`)).status).toBe(404)
    expect(text(await html('/console/segments?deleted=Not%20buyers'))).toContain('Deleted the segment Not buyers.')
  })

  it("lists a contact's segments on its page, linking to each", async () => {
    const { html, createSegment, contactId } = await shop()
    const id = await createSegment('Repeat buyers', repeatBuyers)
    const ann = section(await html(`/console/contacts/${await contactId('ann')}`), 'segments')
    expect(ann).toContain(`<a href="/console/segments/${id}">Repeat buyers</a>`)
    expect(text(ann)).toBe('Segments Repeat buyers , since 2024-05-10 12:00:00 UTC')
    const bob = section(await html(`/console/contacts/${await contactId('bob')}`), 'segments')
    expect(text(bob)).toContain('In no segment.')
  })
})
