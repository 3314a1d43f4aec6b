import { describe, expect, it } from 'vitest'
import { parsePostgresUrl } from './parse-postgres-url.js'

describe('parsePostgresUrl', () => {
  it('takes the pool size and schema off the URL and hides the password', () => {
    expect(parsePostgresUrl('postgres://sillage:pw@db:5432/events?max=20&schema=tracking&sslmode=require')).toEqual({
      connectionUrl: 'postgres://sillage:pw@db:5432/events?sslmode=require',
      max: 20,
      schema: 'tracking',
      description: 'postgres://sillage:***@db:5432/events?max=20&schema=tracking&sslmode=require',
    })
  })

  it('defaults to a pool of 10 on the default schema', () => {
    expect(parsePostgresUrl('postgresql://root@127.0.0.1/test')).toMatchObject({
      max: 10,
      schema: null,
      description: 'postgresql://root@127.0.0.1/test',
    })
  })

  it.each([
    ['postgres://h/db?max=0', /max=0 must be a pool size/],
    ['postgres://h/db?max=ten', /max=ten must be a pool size/],
    ['postgres://h/db?schema=a;drop', /schema=a;drop must be a plain identifier/],
    ['postgres://u:pw@[bad', /not a valid URL/],
  ])('refuses %j', (url, reason) => {
    expect(() => parsePostgresUrl(url)).toThrow(reason)
    expect(() => parsePostgresUrl(url)).not.toThrow(/:pw@/)
  })
})
