import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { testCollector } from '../../test/helpers/test-collector.js'

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('GET /sillage.js', () => {
  it('serves the tracker with a short public cache and an ETag, and 304 on revalidation', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sillage-script-'))
    const path = join(dir, 'sillage.js')
    await writeFile(path, '(function(){window.sillageLoaded=1})();')
    const { app } = await testCollector({ trackerScriptPath: path })

    const response = await app.request('/sillage.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(await response.text()).toBe('(function(){window.sillageLoaded=1})();')
    const etag = response.headers.get('ETag')!
    expect(etag).toMatch(/^".+"$/)

    const revalidated = await app.request('/sillage.js', { headers: { 'If-None-Match': etag } })
    expect(revalidated.status).toBe(304)

    await writeFile(path, '(function(){window.sillageLoaded=22})();')
    const updated = await app.request('/sillage.js', { headers: { 'If-None-Match': etag } })
    expect(updated.status).toBe(200)
    expect(updated.headers.get('ETag')).not.toBe(etag)
  })

  it('says how to build the tracker when it is missing', async () => {
    const { app } = await testCollector({ trackerScriptPath: '/nonexistent/sillage.js' })
    const response = await app.request('/sillage.js')
    expect(response.status).toBe(404)
    expect((await response.json()).error.message).toMatch(/^tracker not built: run npm run build/)
  })
})
