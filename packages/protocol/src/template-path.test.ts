import { describe, expect, it } from 'vitest'
import { forEachTemplatePath, parseTemplatePath, templateEventNames } from './template-path.js'

describe('parseTemplatePath', () => {
  it.each([
    'contact.id',
    'contact.email',
    'contact.userId',
    'contact.attributes',
    'contact.attributes.firstName',
    'trigger.name',
    'trigger.timestamp',
    'trigger.messageId',
    'trigger.properties',
    'trigger.properties.data.items.0.price',
    'event.order_completed.count',
    'event.Order Completed.first',
    'event.order_completed.last',
    'event.order_completed.lastProperties.total',
  ])('accepts %s', (path) => {
    expect(parseTemplatePath(path)).toEqual({ segments: path.split('.') })
  })

  it.each([
    'contact',
    'contact.emial',
    'contact.email.domain',
    'contact.__proto__',
    'contact.constructor',
    'trigger.properties..x',
    'trigger',
    'event.order_completed',
    'event.order_completed.total',
    'event..count',
    'process.env.SECRET',
    'constructor.constructor',
    '',
  ])('refuses %j, listing the paths there are', (path) => {
    const parsed = parseTemplatePath(path)
    const problem = 'problem' in parsed && parsed.problem
    expect(problem).toMatch(/^unknown template path ".*": use contact\.id, contact\.email/)
  })
})

describe('forEachTemplatePath and templateEventNames', () => {
  it('finds every placeholder, where it is, and the events a template reads', () => {
    const template = { a: 'Hi {{ contact.email }}, {{event.viewed.count}} views', b: [{ c: '{{event.ordered.last}}' }] }
    const seen: unknown[] = []
    forEachTemplatePath(template, (path, at) => seen.push([path, at]))
    expect(seen).toEqual([
      ['contact.email', ['a']],
      ['event.viewed.count', ['a']],
      ['event.ordered.last', ['b', 0, 'c']],
    ])
    expect(templateEventNames(template)).toEqual(['viewed', 'ordered'])
  })
})
