import { describe, expect, it } from 'vitest'
import { testCollector, trackEvent, WRITE_KEY } from '../../test/helpers/test-collector.js'

describe('POST /v1/receipts', () => {
  it('tells which of the messageIds are stored for this write key, as a page that never saw the answer asks', async () => {
    const { post } = await testCollector()
    const [first, second] = [trackEvent(), trackEvent()]
    await post('/v1/batch', { batch: [first, second] })
    // As the tracker sends it: text/plain, the write key in the query, from another origin.
    const response = await post(
      `/v1/receipts?writeKey=${WRITE_KEY}`,
      JSON.stringify({ messageIds: [first!.messageId, 'never-sent'] }),
      {
        'Content-Type': 'text/plain;charset=UTF-8',
        Authorization: '',
        Origin: 'https://shop.example',
      },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(await response.json()).toEqual({ stored: [first!.messageId] })
  })

  it('names the events of a contact erased since, which a batch would still only count as duplicates', async () => {
    const { post, read } = await testCollector()
    const gone = trackEvent({ anonymousId: 'erased-visitor', messageId: 'it\'s "odd" [1]' })
    await post('/v1/batch', { batch: [gone] })
    const { contacts } = await (await read('/v1/contacts?anonymousId=erased-visitor')).json()
    expect((await read(`/v1/contacts/${contacts[0].id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await (await post('/v1/receipts', { messageIds: [gone.messageId, 'never-sent'] })).json()).toEqual({
      stored: [gone.messageId],
    })
  })

  it('answers 400 with what to send for a body that is not a list of messageIds, 413 beyond 2,500', async () => {
    const { post } = await testCollector()
    for (const body of [
      {},
      { messageIds: 'm1' },
      { messageIds: [1] },
      { messageIds: [''] },
      { messageIds: ['m'.repeat(101)] },
    ]) {
      const response = await post('/v1/receipts', body)
      expect(response.status).toBe(400)
      expect((await response.json()).error.message).toMatch(/Send \{"messageIds": \["…"\]\}/)
    }
    const tooMany = await post('/v1/receipts', { messageIds: Array.from({ length: 2501 }, (_, i) => `m${i}`) })
    expect(tooMany.status).toBe(413)
  })

  it('answers 401 without a write key, and an empty list for an empty query', async () => {
    const { post } = await testCollector()
    expect((await post('/v1/receipts', { messageIds: ['m1'] }, { Authorization: '' })).status).toBe(401)
    expect(await (await post('/v1/receipts', { messageIds: [] })).json()).toEqual({ stored: [] })
  })
})
