import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderTemplate } from './render-template.js'
import type { TemplateContext } from './template-context.js'

const context: TemplateContext = {
  contact: { id: 'c_1', email: 'ada@example.com', userId: null, attributes: { firstName: 'Ada', vip: true, score: 7 } },
  trigger: {
    name: 'cart_updated',
    properties: {
      total: 42.5,
      data: {
        items: [
          { sku: 'A', price: 10 },
          { sku: 'B', price: 32.5 },
        ],
      },
    },
    timestamp: '2026-12-04T03:00:00.000Z',
    messageId: 'm-1',
  },
  event: {
    order_completed: {
      count: 3,
      first: '2026-01-01T00:00:00.000Z',
      last: '2026-11-30T10:00:00.000Z',
      lastProperties: { total: 99 },
    },
  },
}

describe('renderTemplate', () => {
  it('gives a whole-string placeholder the value with its JSON type', () => {
    expect(
      renderTemplate(
        {
          email: '{{contact.email}}',
          total: '{{ trigger.properties.total }}',
          items: '{{trigger.properties.data.items}}',
          firstPrice: '{{trigger.properties.data.items.0.price}}',
          vip: '{{contact.attributes.vip}}',
          orders: '{{event.order_completed.count}}',
          lastOrder: '{{event.order_completed.lastProperties}}',
          userId: '{{contact.userId}}',
        },
        context,
      ),
    ).toEqual({
      email: 'ada@example.com',
      total: 42.5,
      items: [
        { sku: 'A', price: 10 },
        { sku: 'B', price: 32.5 },
      ],
      firstPrice: 10,
      vip: true,
      orders: 3,
      lastOrder: { total: 99 },
      userId: null,
    })
  })

  it('interpolates placeholders inside longer text as text', () => {
    const text = 'Hi {{contact.attributes.firstName}}, {{event.order_completed.count}} orders'
    expect(renderTemplate(text, context)).toBe('Hi Ada, 3 orders')
    expect(renderTemplate('last {{event.order_completed.last}}', context)).toBe('last 2026-11-30T10:00:00.000Z')
    const item = renderTemplate('items: {{trigger.properties.data.items.1}}', context)
    expect(item).toBe('items: {"sku":"B","price":32.5}')
    expect(renderTemplate('{{trigger.name}}/{{trigger.messageId}}', context)).toBe('cart_updated/m-1')
  })

  it('gives null for a path that finds nothing, and "" inside text', () => {
    expect(
      renderTemplate(
        [
          '{{contact.attributes.lastName}}',
          '{{event.signed_up.count}}',
          '{{trigger.properties.data.items.7}}',
          '{{nope}}',
        ],
        context,
      ),
    ).toEqual([null, null, null, null])
    expect(renderTemplate('Dear {{contact.attributes.lastName}}.', context)).toBe('Dear .')
    expect(renderTemplate({ at: '{{trigger.timestamp}}' }, { ...context, trigger: null })).toEqual({ at: null })
  })

  it('walks objects and arrays, keeps keys and non-string values as written', () => {
    const template = { a: [1, false, null, { b: '{{contact.id}}', '{{contact.id}}': 'key stays' }], n: 2.5 }
    const rendered = { a: [1, false, null, { b: 'c_1', '{{contact.id}}': 'key stays' }], n: 2.5 }
    expect(renderTemplate(template, context)).toEqual(rendered)
  })

  it.each([
    '{{contact.attributes.__proto__}}',
    '{{contact.attributes.constructor}}',
    '{{contact.attributes.constructor.constructor}}',
    '{{contact.attributes.toString}}',
    '{{contact.attributes.hasOwnProperty}}',
    '{{trigger.properties.data.items.length}}',
    '{{trigger.properties.data.items.map}}',
    '{{trigger.properties.data.items.-1}}',
    '{{trigger.properties.data.items.01}}',
    '{{event.__proto__.count}}',
    '{{event.constructor.lastProperties}}',
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{process.env.HOME}}',
    '{{contact.email; process.exit(1)}}',
    '{{ this }}',
    '{{globalThis.process}}',
  ])('reaches nothing outside the data for %s', (hostile) => {
    expect(renderTemplate(hostile, context)).toBeNull()
    expect(renderTemplate(`x${hostile}y`, context)).toBe('xy')
  })

  it('reads a "__proto__" key that is in the data itself as ordinary data, and writes one as data', () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}')
    const hostileContext = { ...context, contact: { ...context.contact, attributes } }
    expect(renderTemplate('{{contact.attributes.__proto__.polluted}}', hostileContext)).toBe(true)
    expect(renderTemplate('{{contact.attributes.constructor}}', hostileContext)).toBe('c')
    const rendered = renderTemplate(JSON.parse('{"__proto__": {"polluted": "{{contact.id}}"}}'), context) as object
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype)
    expect(JSON.stringify(rendered)).toBe('{"__proto__":{"polluted":"c_1"}}')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('runs no getter and reads no class instance in the context', () => {
    let called = false
    const attributes = Object.defineProperty({}, 'secret', { get: () => ((called = true), 'leaked'), enumerable: true })
    const contact = { ...context.contact, attributes: { getter: attributes, when: new Date() } }
    const template = ['{{contact.attributes.getter.secret}}', '{{contact.attributes.when}}']
    expect(renderTemplate(template, { ...context, contact })).toEqual([null, null])
    expect(called).toBe(false)
  })

  it('stays fast on text full of braces that never close', () => {
    const text = `{{${' '.repeat(60_000)}`
    const started = performance.now()
    expect(renderTemplate(text, context)).toBe(text)
    expect(renderTemplate(`{{${'a.'.repeat(30_000)}`, context)).toMatch(/^\{\{a\./)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('gives only data from the context, whatever path is written', () => {
    const words = ['contact', 'trigger', 'event', 'attributes', 'properties', 'lastProperties', 'count']
    const hostile = ['__proto__', 'prototype', 'constructor', 'toString', 'valueOf', '0', 'length']
    const segment = fc.oneof(fc.constantFrom(...words, ...hostile), fc.string())
    const roots = ['contact', 'contact.attributes', 'trigger.properties', 'event.order_completed', 'event']
    const root = fc.constantFrom(...roots)
    const tail = fc.array(segment, { maxLength: 4 })
    const path = fc.tuple(root, tail).map(([start, segments]) => [start, ...segments].join('.'))
    fc.assert(
      fc.property(path, (written) => {
        const value = renderTemplate(`{{${written}}}`, context)
        expect(typeof value).not.toBe('function')
        expect([Object.prototype, Array.prototype, Function.prototype]).not.toContain(value)
        expect(() => JSON.stringify(value)).not.toThrow()
        expect(typeof renderTemplate(`<{{${written}}}>`, context)).toBe('string')
      }),
      { numRuns: 2000 },
    )
  })
})
