#!/usr/bin/env node
/**
 * A tiny static server for the example sites. The collector's URL and write key change from
 * one run to the next (a test picks a free port, `npm start` uses 8787), so the pages say
 * `{{COLLECTOR}}` and `{{WRITE_KEY}}` and this server fills them in as it serves them.
 *
 * @example
 *   node examples/serve.mjs --root examples/script-tag --collector http://127.0.0.1:8787 --write-key wk_dev
 *
 * @example
 *   import { serveExample } from './examples/serve.mjs'
 *   const site = await serveExample({ root: 'examples/script-tag', collector, writeKey })
 *   console.log(site.url)
 *   await site.close()
 */
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
}

/** Files whose text may hold placeholders; images and the like are sent untouched. */
const TEMPLATED = new Set(['.html', '.js', '.mjs', '.css'])

/**
 * Serves `root` on 127.0.0.1, replacing the placeholders in HTML, JS and CSS files.
 *
 * @param {object} options
 * @param {string} options.root folder to serve
 * @param {string} options.collector the collector's base URL, e.g. `http://127.0.0.1:8787`
 * @param {string} options.writeKey a write key the collector accepts
 * @param {number} [options.port] 0 (default) picks a free port
 * @param {string} [options.host] defaults to 127.0.0.1
 * @param {boolean} [options.spaFallback] serve `index.html` for extension-less paths (client-side routes)
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveExample({ root, collector, writeKey, port = 0, host = '127.0.0.1', spaFallback = false }) {
  const rootDir = resolve(root)
  const placeholders = { '{{COLLECTOR}}': collector.replace(/\/+$/, ''), '{{WRITE_KEY}}': writeKey }

  const server = createServer(async (request, response) => {
    try {
      const file = await resolveFile(rootDir, new URL(request.url ?? '/', 'http://x').pathname, spaFallback)
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
        return
      }
      const extension = extname(file)
      let body = await readFile(file)
      if (TEMPLATED.has(extension)) body = Buffer.from(fillPlaceholders(body.toString('utf8'), placeholders))
      response
        .writeHead(200, {
          'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
          // Examples change while you edit them; never let a browser keep a stale copy.
          'cache-control': 'no-store',
        })
        .end(request.method === 'HEAD' ? undefined : body)
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error))
    }
  })

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(port, host, () => resolveListen(undefined))
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose(undefined))
      }),
  }
}

/** @param {string} text @param {Record<string, string>} placeholders */
function fillPlaceholders(text, placeholders) {
  let filled = text
  for (const [placeholder, value] of Object.entries(placeholders)) filled = filled.replaceAll(placeholder, value)
  return filled
}

/**
 * Maps a URL path to a file inside `rootDir`, or null. `/` and folders serve `index.html`.
 * @param {string} rootDir @param {string} pathname @param {boolean} spaFallback
 * @returns {Promise<string | null>}
 */
async function resolveFile(rootDir, pathname, spaFallback) {
  const candidate = normalize(join(rootDir, decodeURIComponent(pathname)))
  if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return null
  const found = await fileAt(candidate)
  if (found) return found
  if (spaFallback && extname(pathname) === '') return fileAt(join(rootDir, 'index.html'))
  return null
}

/** @param {string} path @returns {Promise<string | null>} */
async function fileAt(path) {
  const info = await stat(path).catch(() => null)
  if (info?.isFile()) return path
  if (info?.isDirectory()) return fileAt(join(path, 'index.html'))
  return null
}

const isCli = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isCli) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'examples/script-tag' },
      collector: { type: 'string', default: 'http://127.0.0.1:8787' },
      'write-key': { type: 'string' },
      port: { type: 'string', default: '8080' },
      spa: { type: 'boolean', default: false },
    },
  })
  if (!values['write-key']) {
    console.error('serve.mjs: --write-key is required (the collector prints its dev write key on start)')
    process.exit(2)
  }
  const site = await serveExample({
    root: values.root,
    collector: values.collector,
    writeKey: values['write-key'],
    port: Number(values.port),
    spaFallback: values.spa,
  })
  console.log(`Example site: ${site.url} (events go to ${values.collector})`)
}
