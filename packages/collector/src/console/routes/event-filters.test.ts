import { describe, expect, it } from 'vitest'
import { filtersQuery, parseEventFilters } from './event-filters.js'

describe('parseEventFilters', () => {
  it('reads datetime-local values in UTC without an offset, in the browser zone with one', () => {
    expect(parseEventFilters({ since: '2026-01-31T09:00' })).toMatchObject({
      ok: true,
      since: '2026-01-31T09:00:00.000Z',
    })
    // tz is minutes east of UTC: 09:00 in UTC+1 is 08:00 UTC.
    expect(parseEventFilters({ since: '2026-01-31T09:00', until: '2026-01-31T10:30:15', tz: '60' })).toMatchObject({
      ok: true,
      since: '2026-01-31T08:00:00.000Z',
      until: '2026-01-31T09:30:15.000Z',
    })
    expect(parseEventFilters({ since: '2026-01-31T09:00:00Z', tz: '120' })).toMatchObject({
      since: '2026-01-31T09:00:00.000Z',
    })
  })

  it('treats blank form fields as no filter', () => {
    expect(parseEventFilters({ name: '', type: '', contact: '', since: '', until: '', tz: '' })).toEqual({
      ok: true,
      filters: {},
      since: undefined,
      until: undefined,
    })
  })

  it('says what is wrong with a filter a person can fix', () => {
    const refused = (message: string) => ({ ok: false, message: expect.stringContaining(message) })
    expect(parseEventFilters({ type: 'click' })).toMatchObject(refused('must be one of'))
    expect(parseEventFilters({ since: 'yesterday' })).toMatchObject(refused('"from"'))
    expect(parseEventFilters({ since: '2026-02-01T00:00', until: '2026-01-01T00:00' })).toMatchObject({
      ok: false,
      message: 'Invalid filter: "from" must be before "to".',
    })
  })

  it('writes the filters back as a query string for links', () => {
    const query = filtersQuery({ name: 'a b', type: 'track', tz: 60 }, { cursor: 'c1' })
    expect(query).toBe('name=a+b&type=track&tz=60&cursor=c1')
  })
})
