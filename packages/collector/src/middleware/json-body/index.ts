import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { createMiddleware } from 'hono/factory'
import { MAX_BATCH_BYTES } from '@sillage/protocol'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { parseJsonText } from './parse-json-text.js'
import { readLimitedBody, tooLarge } from './read-limited-body.js'

const gunzipAsync = promisify(gunzip)

export interface JsonBodyOptions {
  /** Largest body, compressed and decompressed alike. Default: 500 KB (docs/api.md). */
  maxBytes?: number
  /** Deepest object/array nesting accepted. Default: 64. */
  maxDepth?: number
}

/**
 * `text/plain` is what `navigator.sendBeacon` sends; a missing type is tolerated for curl
 * users; `application/x-www-form-urlencoded` is what RudderStack's Node SDK labels its
 * gzipped JSON with (axios' default for a Buffer body), so it is read as JSON too.
 */
const jsonMediaTypes = new Set(['', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'])

/**
 * Reads the body as JSON into `c.var.body`: `application/json` and `text/plain`
 * (beacons), optionally `Content-Encoding: gzip`. The raw stream is cut off at
 * `maxBytes`, and so is the decompressed output, so a gzip bomb never inflates in memory.
 *
 * @example
 * app.post('/v1/batch', jsonBody(), (c) => c.json(c.var.body))
 */
export function jsonBody(options: JsonBodyOptions = {}) {
  const maxBytes = options.maxBytes ?? MAX_BATCH_BYTES
  const maxDepth = options.maxDepth ?? 64
  return createMiddleware<CollectorEnv>(async function readJsonBody(c, next) {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (!jsonMediaTypes.has(mediaType)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Content-Type ${mediaType} is not supported; send application/json or text/plain.`,
      )
    }
    const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase()
    if (!['identity', 'gzip', 'x-gzip'].includes(encoding)) {
      throw new ApiError(
        415,
        'unsupported_encoding',
        `Content-Encoding ${encoding} is not supported; send gzip or no encoding.`,
      )
    }
    const declaredLength = Number(c.req.header('Content-Length'))
    if (declaredLength > maxBytes) throw tooLarge(maxBytes)

    let bytes = await readLimitedBody({ incoming: c.env?.incoming, stream: () => c.req.raw.body }, maxBytes)
    if (encoding !== 'identity') bytes = await decompress(bytes, maxBytes)
    c.set('body', parseJsonText(bytes, maxDepth))
    await next()
  })
}

async function decompress(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes)
    throw new ApiError(400, 'invalid_gzip', 'The body says Content-Encoding: gzip but is not valid gzip data.')
  }
}
