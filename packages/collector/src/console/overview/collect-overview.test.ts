import { describe, expect, it } from 'vitest'
import { testCollector, trackEvent } from '../../../test/helpers/test-collector.js'
import { collectOverview } from './collect-overview.js'

const now = new Date('2026-03-10T15:00:00Z')

async function storeWith(events: Record<string, unknown>[]) {
  const collector = await testCollector({ now: () => now })
  const response = await collector.post('/v1/batch', { batch: events.map((event) => trackEvent(event)) })
  expect(await response.json()).toMatchObject({ accepted: events.length })
  return collector.store
}

describe('collectOverview', () => {
  it('counts events per UTC day, top names and contacts seen, over the window', async () => {
    const store = await storeWith([
      { event: 'page_seen', timestamp: '2026-03-10T01:00:00Z', anonymousId: 'a1' },
      { event: 'page_seen', timestamp: '2026-03-10T02:00:00Z', anonymousId: 'a2' },
      { event: 'order_completed', timestamp: '2026-03-09T23:59:59Z', userId: 'u1', anonymousId: 'a3' },
      { event: 'too_old', timestamp: '2026-02-01T00:00:00Z', anonymousId: 'a4' },
    ])
    const overview = await collectOverview({ store, now, windowDays: 3, maxEvents: 1000 })
    expect(overview.days).toEqual([
      { day: '2026-03-08', count: 0 },
      { day: '2026-03-09', count: 1 },
      { day: '2026-03-10', count: 2 },
    ])
    expect(overview.topNames).toEqual([
      { name: 'page_seen', count: 2 },
      { name: 'order_completed', count: 1 },
    ])
    expect(overview.contacts).toEqual({ identified: 1, anonymous: 2 })
    expect(overview).toMatchObject({ eventsRead: 3, truncated: false })
  })

  it('stops at maxEvents, newest first, and says so', async () => {
    const store = await storeWith(
      Array.from({ length: 5 }, (_, i) => ({ event: `e${i}`, timestamp: `2026-03-10T0${i}:00:00Z` })),
    )
    const overview = await collectOverview({ store, now, windowDays: 1, maxEvents: 3 })
    expect(overview).toMatchObject({ eventsRead: 3, truncated: true })
    expect(overview.topNames.map((entry) => entry.name).sort()).toEqual(['e2', 'e3', 'e4'])
  })
})
