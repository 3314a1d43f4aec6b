import { expect, it, vi } from 'vitest'
import { fakeCollector, uniqueWriteKey } from '../../test/harness.js'
import { createTracker } from '../index.js'
import { vitals } from './vitals.js'

const reporters = vi.hoisted(() => new Map<string, (metric: object) => void>())
vi.mock('web-vitals', () => {
  const observe = (name: string) => (report: (metric: object) => void) => reporters.set(name, report)
  return {
    onCLS: observe('CLS'),
    onFCP: observe('FCP'),
    onINP: observe('INP'),
    onLCP: observe('LCP'),
    onTTFB: observe('TTFB'),
  }
})

it('tracks each web-vitals report as web_vitals with name, value, rating and id', async () => {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({
    writeKey,
    endpoint: 'https://collector.test',
    flushInterval: 60_000,
    plugins: [vitals()],
  })
  expect([...reporters.keys()].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB'])
  reporters.get('LCP')!({ name: 'LCP', value: 1234.5, rating: 'good', id: 'v5-1', delta: 1234.5, entries: [] })
  await tracker.flush()
  expect(collector.events()).toMatchObject([
    { event: 'web_vitals', properties: { name: 'LCP', value: 1234.5, rating: 'good', id: 'v5-1' } },
  ])
})
