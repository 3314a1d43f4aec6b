import { describe, expect, it } from 'vitest'
import { wellFormedJson } from './well-formed-json.js'

describe('wellFormedJson', () => {
  it('replaces lone surrogates in keys and values, at any depth, with U+FFFD', () => {
    const sent = JSON.parse('{"title":"Sale \\ud83d","list":["\\udc00x",1,null],"k\\udbff":{"deep":"a\\ud800b"}}')
    expect(wellFormedJson(sent)).toEqual({ title: 'Sale \ufffd', list: ['\ufffdx', 1, null], 'k\ufffd': { deep: 'a\ufffdb' } })
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
})
