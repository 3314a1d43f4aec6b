import { describe, expect, it } from 'vitest'
import { mayHoldLoneSurrogate, wellFormedJson } from './well-formed-json.js'

describe('wellFormedJson', () => {
  it('replaces lone surrogates in keys and values, at any depth, with U+FFFD', () => {
    const sent = JSON.parse('{"title":"Sale \\ud83d","list":["\\udc00x",1,null],"k\\udbff":{"deep":"a\\ud800b"}}')
    expect(wellFormedJson(sent)).toEqual({
      title: 'Sale \ufffd',
      list: ['\ufffdx', 1, null],
      'k\ufffd': { deep: 'a\ufffdb' },
    })
  })

  it('keeps surrogate pairs (emoji) and returns well-formed values untouched', () => {
    const sent = { name: '👩‍👩‍👧 🛒', nested: { ok: '\ud83d\ude00' } }
    expect(wellFormedJson(sent)).toBe(sent)
  })

  it('keeps a "__proto__" key as data, without touching any prototype', () => {
    const rebuilt = wellFormedJson(JSON.parse('{"__proto__":{"polluted":"\\ud800"}}')) as Record<string, unknown>
    expect(Object.keys(rebuilt)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(rebuilt)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('spots every lone surrogate in JSON text, so skipping the walk on a "no" is safe', () => {
    for (const lone of ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83db', '\ude00x']) {
      expect(mayHoldLoneSurrogate(JSON.stringify({ [lone]: lone }))).toBe(true)
      expect(mayHoldLoneSurrogate(JSON.stringify({ key: [lone] }))).toBe(true)
    }
    expect(mayHoldLoneSurrogate('{"title":"Sale \\uD83D"}')).toBe(true)
    expect(mayHoldLoneSurrogate(JSON.stringify({ emoji: '👩‍👩‍👧 🛒', escaped: '\\u00e9', plain: 'é' }))).toBe(false)
  })
})
