#!/usr/bin/env node
/**
 * A tiny static server for the example sites. The collector's URL and write key change from
 * one run to the next (a test picks a free port, `npm start` uses 8787), so the pages say
 * `{{COLLECTOR}}` and `{{WRITE_KEY}}` and this server fills them in as it serves them.
 *
 * @example
 *   node examples/serve.mjs --root examples/spa --spa --port 8081   (beside npm start; --help for every flag)
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

const usage = `Usage: node examples/serve.mjs [flags]   serves an example site wired to a running collector

  --root <dir>          the site to serve; default examples/script-tag (examples/spa for the SPA)
  --spa                 serve index.html for client-side routes (use it with examples/spa)
  --collector <url>     the collector's URL; default http://127.0.0.1:8787 (what npm start runs)
  --write-key <key>     a write key it accepts; default the dev key kept in ./data/sillage-keys.json
  --port <n>            default 8080 (0 = any free port)
  -h, --help            this text`

/** The dev write key the collector generated and keeps in its data dir, if there is one. */
async function keptWriteKey() {
  const kept = await readFile('data/sillage-keys.json', 'utf8').catch(() => null)
  try {
    return kept ? JSON.parse(kept).writeKey : undefined
  } catch {
    return undefined
  }
}

/** Stops the command-line run with a one-line reason (exit code 2), never a stack trace. */
function fail(reason) {
  console.error(`serve.mjs: ${reason}`)
  process.exit(2)
}

const isCli = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isCli) {
  let values
  try {
    values = parseArgs({
      options: {
        root: { type: 'string', default: 'examples/script-tag' },
        collector: { type: 'string', default: 'http://127.0.0.1:8787' },
        'write-key': { type: 'string' },
        port: { type: 'string', default: '8080' },
        spa: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    fail(`${error.message.split('\n')[0]} (see --help)`)
  }
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be a number from 0 to 65535, got "${values.port}"`)
  const writeKey = values['write-key'] ?? (await keptWriteKey())
  if (!writeKey) fail('--write-key is required: pass one the collector accepts (it prints its dev write key on start)')
  if (!(await stat(values.root).catch(() => null))?.isDirectory()) fail(`--root ${values.root} is not a folder`)
  const options = { root: values.root, collector: values.collector, writeKey, port, spaFallback: values.spa }
  const site = await serveExample(options).catch((error) =>
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${port} is taken (npm start serves the shop there): pass --port 8081, or --port 0 for any free port`
        : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
    ),
  )
  console.log(`Example site: ${site.url} (events go to ${values.collector})`)
}
