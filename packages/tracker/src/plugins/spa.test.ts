import { expect, it } from 'vitest'
import { fakeCollector, setPageUrl, settle, uniqueWriteKey } from '../../test/harness.js'
import { createTracker } from '../index.js'
import { spa } from './spa.js'

it('records a page view per new URL from pushState, replaceState and popstate, never twice for the same URL', async () => {
  setPageUrl('https://app.example/')
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({
    writeKey,
    endpoint: 'https://collector.test',
    flushInterval: 60_000,
    plugins: [spa()],
  })
  const path = async (change: () => void) => {
    change()
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await path(() => history.pushState({}, '', '/projects'))
  await path(() => history.pushState({}, '', '/projects')) // same URL
  await path(() => history.replaceState({ scroll: 1 }, '', '/projects')) // same URL, new state
  await path(() => history.pushState({}, '', '/projects#team')) // hash only
  await path(() => history.replaceState({}, '', '/projects?tab=2'))
  await path(() => {
    setPageUrl('https://app.example/settings')
    window.dispatchEvent(new PopStateEvent('popstate'))
  })
  await settle()
  await tracker.flush()
  expect(collector.events().map((event) => event.properties.path + event.properties.search)).toEqual([
    '/projects',
    '/projects?tab=2',
    '/settings',
  ])
  expect(collector.events().every((event) => event.type === 'page')).toBe(true)
})
