import { describe, expect, it } from 'vitest'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { testCollector, trackEvent } from '../../../test/helpers/test-collector.js'

/** The figures of one `<section aria-labelledby=…>` of the overview, in order. */
const figures = (html: string, section: string) => {
  const body = new RegExp(`<section aria-labelledby="${section}">(.*?)</section>`, 's').exec(html)![1]!
  return [...body.matchAll(/<data value="(\d+)">/g)].map((match) => Number(match[1]))
}

describe('the overview', () => {
  it('counts every contact exactly, beside those active in the chart’s window', async () => {
    const { post, app } = await testCollector()
    const longAgo = '2020-01-01T00:00:00.000Z'
    await post('/v1/batch', {
      batch: [
        trackEvent({ anonymousId: 'recent-anon' }),
        trackEvent({ anonymousId: 'recent-user', userId: 'u-1' }),
        trackEvent({ anonymousId: 'old-user', userId: 'u-2', timestamp: longAgo }),
        trackEvent({ anonymousId: 'old-anon-1', timestamp: longAgo }),
        trackEvent({ anonymousId: 'old-anon-2', timestamp: longAgo }),
      ],
    })
    const browser = consoleBrowser(app)
    await browser.signIn()
    const html = await (await browser.get('/console')).text()
    expect(figures(html, 'contacts-seen')).toEqual([1, 1])
    expect(figures(html, 'contacts-all')).toEqual([2, 3])
    expect(html).toContain('<a href="/console/contacts">List them</a>')
  })
})
