import { expect, it, vi } from 'vitest'
import { toJson } from './to-json.js'

it('serialises plain data as JSON does', () => {
  const value = { a: [1, 'two', null, true], b: { c: 'é"\\\n' } }
  expect(toJson(value, vi.fn())).toBe(JSON.stringify(value))
})

it('keeps an object referenced twice only once (cycles included) and warns', () => {
  const warn = vi.fn()
  const shared = { id: 1 }
  expect(JSON.parse(toJson({ first: shared, second: shared }, warn)!)).toEqual({ first: { id: 1 } })
  expect(warn).toHaveBeenCalledWith('cleaned-values')
})

it('drops what exceeds 32 KB in UTF-8 bytes, though under 32 K characters', () => {
  const warn = vi.fn()
  expect(
    toJson(
      {
        text: 'é'.repeat(4000),
        more: 'é'.repeat(4000),
        again: 'é'.repeat(4000),
        last: 'é'.repeat(4000),
        x: 'é'.repeat(1000),
      },
      warn,
    ),
  ).toBeUndefined()
  expect(warn).toHaveBeenCalledWith('event-dropped')
})
