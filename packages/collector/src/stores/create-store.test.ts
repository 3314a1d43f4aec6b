import { describe, expect, it } from 'vitest'
import { createStore } from './create-store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'

describe('createStore', () => {
  it('picks the store the URL names', () => {
    expect(createStore('memory:')).toBeInstanceOf(SqliteStore)
    expect(createStore('memory:').description).toBe('memory:')
    expect(createStore('sqlite:./data/sillage.db')).toBeInstanceOf(SqliteStore)
    expect(createStore('sqlite:./data/sillage.db').description).toBe('sqlite:./data/sillage.db')
    expect(createStore('sqlite:/var/lib/sillage.db?synchronous=normal').description).toBe(
      'sqlite:/var/lib/sillage.db?synchronous=normal',
    )
  })

  it.each([
    ['mysql://localhost/db', /Unknown store "mysql:\/\/localhost\/db": use memory:, sqlite:<path>/],
    ['./data/sillage.db', /Unknown store/],
    ['sqlite:', /needs a file path/],
    ['sqlite::memory:', /use memory:/],
    ['sqlite:x.db?synchronous=off', /synchronous must be full or normal/],
  ])('refuses %j with a reason', (url, reason) => {
    expect(() => createStore(url)).toThrow(reason)
  })
})
