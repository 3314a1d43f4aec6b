import { describe, expect, it } from 'vitest'
import { SECRET_KEY, testCollector, trackEvent, WRITE_KEY } from '../../test/helpers/test-collector.js'

/** Bodies a careless or hostile client might send; none may produce a 5xx. */
const hostileBodies: Array<[string, string | Uint8Array]> = [
  ['not JSON', '{"batch": ['],
  ['a JSON string', '"batch"'],
  ['null', 'null'],
  ['a number', '1e999'],
  ['deep nesting', `{"batch":[${'['.repeat(5000)}${']'.repeat(5000)}]}`],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x62, 0xc3, 0x28, 0x22, 0x3a, 0x5b, 0x5d, 0x7d])],
  ['a lone surrogate escape', `{"batch":[{"type":"track","event":"\\ud800","anonymousId":"a"}]}`],
  ['huge numbers as ids', '{"batch":[{"type":"track","event":"x","userId":1e400,"anonymousId":1e999}]}'],
  [
    'wrong types everywhere',
    '{"batch":[{"type":1,"event":[],"anonymousId":{},"timestamp":5,"context":"x","properties":[]}],"context":[],"sentAt":7}',
  ],
  [
    'dates at the edge of time',
    JSON.stringify({
      sentAt: '+275760-09-13T00:00:00.000Z',
      batch: [trackEvent({ timestamp: '-271821-04-20T00:00:00.000Z' })],
    }),
  ],
  [
    '__proto__ keys',
    '{"batch":[{"type":"track","event":"x","anonymousId":"a","context":{"__proto__":{"polluted":true}},"properties":{"__proto__":1}}],"context":{"__proto__":{"ip":"1.1.1.1"}}}',
  ],
  ['a batch of nulls', '{"batch":[null,null,1,"x",[]]}'],
  [
    'placeholder ids only',
    '{"batch":[{"type":"identify","anonymousId":"null","userId":"undefined","traits":{"email":"none"}}]}',
  ],
]

describe('hostile input never produces a 5xx', () => {
  for (const route of ['/v1/batch', '/v1/track', '/v3/events', '/v3/events/batch']) {
    it.each(hostileBodies)(`${route}: %s`, async (_name, body) => {
      const { post } = await testCollector()
      const response = await post(route, body, { 'api-key': SECRET_KEY })
      expect(response.status).toBeLessThan(500)
      const json = await response.json()
      if (response.status >= 400) expect(json.error.message).toEqual(expect.any(String))
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('refuses an event whose identifiers are all placeholders, saying why', async () => {
    const { post } = await testCollector()
    const result = await (await post('/v1/batch', JSON.parse(hostileBodies.at(-1)![1] as string))).json()
    expect(result.rejected[0].errors[0]).toMatch(/no usable identifier/)
  })

  it('refuses a timestamp pushed out of the representable range by skew correction', async () => {
    const { post } = await testCollector()
    const result = await (
      await post(`/v1/batch?writeKey=${WRITE_KEY}`, JSON.parse(hostileBodies[9]![1] as string))
    ).json()
    expect(result.accepted).toBe(0)
    expect(result.rejected[0].errors[0]).toMatch(/outside the representable dates; check the device clock/)
  })
})
