import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startWebhookReceiver, type WebhookReceiver } from '../packages/collector/test/helpers/webhook-receiver.js'
import { expectAccessible } from './support/accessibility.js'
import { launchChromium } from './support/browser.js'
import { openConsole, sendEvents, signIn } from './support/console-session.js'
import { contactsWhere, storedDeliveries, storedRuns } from './support/oracle.js'
import { expectLayoutsHold } from './support/page-layouts.js'

let browser: Browser
let receiver: WebhookReceiver
/** What the receiver answers: a failing service first, a healthy one later. */
let answerStatus = 500
beforeAll(async () => {
  browser = await launchChromium()
  receiver = await startWebhookReceiver((_, response) => response.writeHead(answerStatus).end())
})
afterAll(async () => {
  await browser?.close()
  await receiver?.close()
})

/** Every console page of the walk: accessible, and holding at a laptop's and a phone's width. */
async function checkPage(page: Page, name: string) {
  await expectAccessible(page)
  await expectLayoutsHold(page, `automations-${name}`)
}

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of "id.timestamp.body", keyed by the secret's bytes. */
function signatureOf(secret: string, headers: Record<string, unknown>, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`
}

describe('console automations', () => {
  test('an endpoint, a refused then saved automation, its run and message, a failed delivery replayed', async () => {
    // The refused definition answers 400 on purpose.
    const { page, collector, problems } = await openConsole(browser, {
      allowStatuses: [400],
      collectorArgs: ['--webhook-allow-private'],
    })
    await signIn(page, collector, '/console/automations')
    await expect.poll(() => page.getByRole('heading', { name: 'No automation yet' }).count()).toBe(1)
    await checkPage(page, 'empty')

    // A webhook endpoint on the receiver, with a header whose value is never shown again.
    await page.getByRole('link', { name: 'Webhook endpoints' }).click()
    await page.waitForURL('**/console/webhooks')
    await checkPage(page, 'webhooks-empty')
    await page.getByLabel('URL').fill(`${receiver.url}/hooks`)
    await page.getByLabel('Description (optional)').fill('CRM hooks')
    await page.getByLabel('Headers (optional)').fill('api-key: k-e2e-private')
    await page.getByRole('button', { name: 'Add endpoint' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Endpoint added')
    const secret = await page.getByLabel('Signing secret').inputValue()
    expect(secret).toMatch(/^whsec_/)
    await checkPage(page, 'webhook-secret')
    await page.getByRole('link', { name: 'Go to the endpoint' }).click()
    await page.waitForURL('**/console/webhooks/wh_*')
    const endpointUrl = page.url()
    expect(await page.content()).not.toContain('k-e2e-private')
    await checkPage(page, 'webhook-endpoint')

    // By keyboard to the automations (g a), then an invalid definition: the problem in place, the input kept.
    await page.keyboard.press('g')
    await page.keyboard.press('a')
    await page.waitForURL('**/console/automations')
    await page.getByRole('link', { name: 'New automation' }).first().click()
    await page.waitForURL('**/console/automations/new')
    const example = await page.getByLabel('Definition (JSON)').inputValue()
    const endpointId = /"endpoint": "(wh_[\w-]+)"/.exec(example)![1]!
    expect(endpointUrl).toContain(endpointId)
    await page.getByLabel('Name').fill('Welcome')
    const invalid = JSON.stringify({ trigger: { event: 'signed_up' }, steps: [{ delay: 'soon' }] }, null, 2)
    await page.getByLabel('Definition (JSON)').fill(invalid)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/steps\.0\.delay: .*duration/)
    expect(await page.getByLabel('Definition (JSON)').inputValue()).toBe(invalid)
    expect(await page.getByLabel('Name').inputValue()).toBe('Welcome')
    await checkPage(page, 'editor-refused')

    const fixed = { trigger: { event: 'signed_up' }, steps: [{ webhook: { endpoint: endpointId } }, { exit: 'sent' }] }
    await page.getByLabel('Definition (JSON)').fill(JSON.stringify(fixed, null, 2))
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForURL('**/console/automations/au_*?done=created')
    const automationUrl = page.url().replace(/\?.*$/, '')
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Created')
    await checkPage(page, 'automation')

    // The trigger: a run, its step log, and its message failing at the receiver.
    await sendEvents(collector, [{ type: 'track', event: 'signed_up', userId: 'u-ann', messageId: 'auto-e2e-1' }])
    const [ann] = await contactsWhere(collector, { userId: 'u-ann' })
    const automationId = /au_[\w-]+$/.exec(automationUrl)![0]
    // The collector's own data says when the message was tried; then the pages must show it.
    await expect.poll(async () => (await storedDeliveries(collector))[0]?.attempts.length ?? 0).toBeGreaterThan(0)
    expect(await storedRuns(collector, automationId)).toHaveLength(1)
    await page.reload()
    await page.getByRole('link', { name: /^Run run_/ }).click()
    await page.waitForURL('**/console/automations/au_*/runs/run_*')
    const runUrl = page.url()
    const deliveryRow = page.locator('tr[data-delivery]')
    expect(await deliveryRow.textContent()).toMatch(/pending.*HTTP 500/)
    const stepLog = page.getByRole('table', { name: "Each step's outcome, in order" })
    expect(await stepLog.textContent()).toMatch(/steps\.0.*message msg_[\w-]+ queued/)
    expect(await page.getByRole('link', { name: ann!.id }).getAttribute('href')).toBe(`/console/contacts/${ann!.id}`)
    await checkPage(page, 'run-failing')

    // The receiver is healthy again: Replay delivers the same message (same webhook-id, signed with the secret).
    answerStatus = 200
    await page.getByRole('button', { name: /^Replay msg_/ }).click()
    await page.waitForURL('**/runs/run_*?done=replayed')
    await expect.poll(async () => (await storedDeliveries(collector))[0]?.status).toBe('delivered')
    await page.goto(runUrl)
    expect(await page.locator('tr[data-delivery] .status').textContent()).toBe('delivered')
    expect(await deliveryRow.textContent()).toMatch(/HTTP 500.*HTTP 200/)
    const webhookIds = new Set(receiver.received.map((request) => request.headers['webhook-id']))
    expect(webhookIds.size).toBe(1)
    const delivered = receiver.received.at(-1)!
    expect(delivered.headers['webhook-signature']).toBe(signatureOf(secret, delivered.headers, delivered.body))
    expect(delivered.headers['api-key']).toBe('k-e2e-private')
    await checkPage(page, 'run-delivered')

    // The same message on the endpoint's page, and the run on the contact's page.
    await page.goto(endpointUrl)
    expect(await page.locator('tr[data-delivery]').textContent()).toContain('delivered')
    await checkPage(page, 'webhook-deliveries')
    await page.goto(`${collector.url}/console/contacts/${ann!.id}`)
    const runs = page.getByRole('table', { name: "This contact's latest runs, newest first" })
    expect(await runs.textContent()).toMatch(/Welcome\s*exited \(sent\)/)

    // Pause, then delete after the confirmation.
    await page.goto(automationUrl)
    await page.getByRole('button', { name: 'Pause' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Paused')
    await page.getByRole('link', { name: 'Delete…' }).click()
    await page.waitForURL('**/delete')
    await checkPage(page, 'delete')
    await page.getByRole('button', { name: 'Delete this automation' }).click()
    await page.waitForURL('**/console/automations?deleted=*')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Deleted the automation “Welcome”.')
    expect(problems()).toEqual([])
  })
})
