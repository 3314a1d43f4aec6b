import { afterEach, describe, expect, it } from 'vitest'
import { type AutomationHarness, automationHarness } from '../../../test/automations/automation-harness.js'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector } from '../../../test/helpers/test-collector.js'

let h: AutomationHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

/** What a person reads on the page: text without tags, entities decoded, spaces folded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const secretIn = (html: string) => /value="(whsec_[^"]+)"/.exec(html)?.[1]

describe('webhook endpoints in the console', () => {
  it('adds an endpoint, shows its secret once and its header values never', async () => {
    h = await automationHarness('memory:')
    const browser = consoleBrowser(h.app)
    await browser.signIn()
    const created = await browser.post('/console/webhooks', {
      url: `${h.receiver.url}/hooks`,
      description: 'CRM',
      headers: 'Authorization: Bearer top-secret-value\n\napi-key: k-999',
    })
    expect(created.status).toBe(201)
    const shown = await created.text()
    const [endpoint] = (await h.admin('GET', '/v1/webhooks')).body.webhooks
    expect(endpoint).toMatchObject({ url: `${h.receiver.url}/hooks`, description: 'CRM', enabled: true })
    expect(secretIn(shown)).toMatch(/^whsec_/)
    expect(visibleText(shown)).toContain('it is not shown again')

    const href = `/console/webhooks/${endpoint.id}`
    for (const path of ['/console/webhooks', href]) {
      const html = await (await browser.get(path)).text()
      expect(html, path).not.toContain('whsec_')
      expect(html, path).not.toContain('top-secret-value')
      expect(html, path).not.toContain('k-999')
    }
    expect(visibleText(await (await browser.get(href)).text())).toContain('Authorization, api-key (values not shown)')

    const rotated = await browser.post(`${href}/rotate-secret`)
    const rotatedSecret = secretIn(await rotated.text())
    expect(rotatedSecret).toMatch(/^whsec_/)
    expect(rotatedSecret).not.toBe(secretIn(shown))
  })

  it('shows a refused endpoint’s problems in place: a private address, a bad URL, a bad header line', async () => {
    const collector = await testCollector()
    const browser = consoleBrowser(collector.app)
    await browser.signIn()
    const refused = await browser.post('/console/webhooks', {
      url: 'http://127.0.0.1:9/hooks',
      description: 'local',
      headers: 'api-key: typed-secret',
    })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(visibleText(html)).toMatch(/url: .*(loopback|private)/i)
    expect(html).toContain('value="http://127.0.0.1:9/hooks"')
    expect(html).toContain('value="local"')
    expect(html).not.toContain('typed-secret')

    const notUrl = await browser.post('/console/webhooks', { url: 'example.com/hook', headers: 'no colon here' })
    const problems = visibleText(await notUrl.text())
    expect(problems).toContain('headers: line 1 is not "Name: value"')
    expect(problems).toContain('url: "example.com/hook" is not a URL')
    const reserved = await browser.post('/console/webhooks', { url: 'https://example.com/h', headers: 'Host: x' })
    expect(visibleText(await reserved.text())).toContain('headers.Host: is set by every delivery itself')
    expect((await (await collector.read('/v1/webhooks')).json()).webhooks).toEqual([])
  })

  it('disables, enables and deletes after a confirmation', async () => {
    h = await automationHarness('memory:')
    const browser = consoleBrowser(h.app)
    await browser.signIn()
    const endpoint = await h.endpoint()
    const href = `/console/webhooks/${endpoint.id}`
    expect((await browser.post(`${href}/disable`)).headers.get('Location')).toBe(`${href}?done=disabled`)
    expect((await h.admin('GET', `/v1/webhooks/${endpoint.id}`)).body.enabled).toBe(false)
    expect(visibleText(await (await browser.get(`${href}?done=disabled`)).text())).toContain('Enable')
    await browser.post(`${href}/enable`)
    expect((await h.admin('GET', `/v1/webhooks/${endpoint.id}`)).body.enabled).toBe(true)
    expect(visibleText(await (await browser.get(`${href}/delete`)).text())).toContain('Delete the endpoint')
    expect((await browser.post(`${href}/delete`)).status).toBe(303)
    expect((await h.admin('GET', `/v1/webhooks/${endpoint.id}`)).status).toBe(404)
    expect((await browser.post(`${href}/disable`)).status).toBe(404)
  })

  it('lists an endpoint’s messages with their attempts, and replays a failed one', async () => {
    h = await automationHarness('memory:')
    const harness = h
    const browser = consoleBrowser(h.app)
    await browser.signIn()
    const endpoint = await h.endpoint()
    await h.automation({ name: 'x', trigger: { event: 'signed_up' }, steps: [{ webhook: { endpoint: endpoint.id } }] })
    h.answerWith((_, response) => response.writeHead(500).end('down'))
    await h.send({ type: 'track', userId: 'u1', event: 'signed_up' })
    await h.runDue()
    const href = `/console/webhooks/${endpoint.id}`
    const failing = await (await browser.get(href)).text()
    const [delivery] = (await h.admin('GET', '/v1/deliveries')).body.deliveries
    expect(visibleText(failing)).toContain(`${delivery.webhookId} pending`)
    expect(visibleText(failing)).toMatch(/UTC HTTP 500, \d+ ms: /)
    expect(failing).toContain(`aria-label="Replay ${delivery.webhookId}"`)

    h.answerWith((_, response) => response.writeHead(200).end())
    const replay = `/console/deliveries/${delivery.id}/replay`
    expect((await browser.post(replay, { back: href })).headers.get('Location')).toBe(`${href}?done=replayed`)
    await h.runDue()
    const delivered = visibleText(await (await browser.get(`${href}?done=replayed`)).text())
    expect(delivered).toContain('Replayed: the message is being sent again now.')
    expect(delivered).toContain(`${delivery.webhookId} delivered`)
    expect(delivered).toMatch(/HTTP 500.*HTTP 200/)
    expect(harness.receiver.received).toHaveLength(2)

    const elsewhere = await browser.post(replay, { back: 'https://evil.example/' })
    expect(elsewhere.headers.get('Location')).toBe(`${href}?done=replayed`)
    expect((await browser.post('/console/deliveries/dl_nope/replay')).status).toBe(404)
  })
})
