import { describe, expect, it } from 'vitest'
import { hideUrlPassword } from './hide-url-password.js'

describe('hideUrlPassword', () => {
  it.each([
    ['postgres://sillage:s3cret@db:5432/events?max=20', 'postgres://sillage:***@db:5432/events?max=20'],
    ['postgresql://:s3cret@db/events', 'postgresql://:***@db/events'],
    ['postgres://u:p@ss/w:s3cret@db/x', 'postgres://u:***@db/x'],
    ['got "mysql://u:s3cret@host/db" instead', 'got "mysql://u:***@host/db" instead'],
    ['from postgres://a:s3cret@h/x to postgres://b:s3cret@k/y', 'from postgres://a:***@h/x to postgres://b:***@k/y'],
  ])('hides the password of %s', (text, expected) => {
    expect(hideUrlPassword(text)).toBe(expected)
  })

  it.each(['postgres://sillage@db/events', 'sqlite:./data/sillage.db', 'memory:', 'see https://example.com/a@b'])(
    'leaves %s as it is (no password in it)',
    (text) => expect(hideUrlPassword(text)).toBe(text),
  )
})
