import type { IncomingMessage } from 'node:http'
import { ApiError } from '../../errors/api-error.js'

/** Where a request body can be read from: Node's request when served, the web stream in `app.request()`. */
export interface BodySource {
  incoming?: IncomingMessage
  stream: () => ReadableStream<Uint8Array> | null
}

/**
 * Reads a request body, giving up as soon as it passes `maxBytes`: a client that sends
 * (or lies about) a huge body costs us at most `maxBytes` of memory.
 *
 * Served by Node, it reads `IncomingMessage` directly. Going through `c.req.raw.body`
 * would make `@hono/node-server` build a full web `Request` and wrap the socket in a web
 * stream, for every request: about a sixth of the collector's CPU under load.
 */
export function readLimitedBody(source: BodySource, maxBytes: number): Promise<Uint8Array> {
  const { incoming } = source
  // Only a body nobody has started reading; otherwise through the stream that did.
  if (incoming !== undefined && !incoming.readableDidRead && !incoming.readableEnded)
    return readIncoming(incoming, maxBytes)
  return readStream(source.stream(), maxBytes)
}

function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (error: ApiError) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size <= maxBytes) return void chunks.push(chunk)
      // The rest is left to @hono/node-server, which drains a little after the answer, then closes.
      stop(tooLarge(maxBytes))
    }
    const onEnd = () => {
      incoming.off('data', onData).off('error', onError).off('close', onClose)
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (cause: unknown) => stop(unreadable(cause))
    // Closed before its end: the client went away mid-body.
    const onClose = () => stop(unreadable(new Error('the connection closed before the end of the body')))
    incoming.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose)
  })
}

async function readStream(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => {})
        throw tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw unreadable(error)
  }
  return Buffer.concat(chunks, size)
}

function unreadable(cause: unknown): ApiError {
  return new ApiError(400, 'body_unreadable', 'The request body could not be read to the end; send it again.', {
    cause,
  })
}

export function tooLarge(maxBytes: number): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes (after decompression); send fewer events per batch.`,
  )
}
