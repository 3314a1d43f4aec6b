import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../errors/api-error.js'
import { InvalidCursorError, StoreUnavailableError } from '../../stores/store.js'
import { errorHandler, notFoundHandler } from './index.js'

function appThrowing(error: unknown, logged: unknown[] = [], storeErrors = { count: 0 }) {
  const app = new Hono()
  app.get('/', () => {
    throw error
  })
  app.notFound(notFoundHandler)
  app.onError(errorHandler({ log: (_message, err) => logged.push(err), onStoreError: () => (storeErrors.count += 1) }))
  return app
}

describe('errorHandler', () => {
  it('turns an ApiError into its status, headers and the error shape', async () => {
    const error = new ApiError(429, 'rate_limited', 'slow down', { issues: ['x'], headers: { 'Retry-After': '3' } })
    const response = await appThrowing(error).request('/')
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('3')
    expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: 'slow down', issues: ['x'] } })
  })

  it('maps a plain HTTPException by its status', async () => {
    const response = await appThrowing(new HTTPException(413, { message: 'too big' })).request('/')
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: 'too big' } })
  })

  it('answers 503 with Retry-After for a store outage and counts it', async () => {
    const storeErrors = { count: 0 }
    const response = await appThrowing(new StoreUnavailableError('down'), [], storeErrors).request('/')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('5')
    expect((await response.json()).error.code).toBe('store_unavailable')
    expect(storeErrors.count).toBe(1)
  })

  it('answers 400 for a cursor the store does not know', async () => {
    const response = await appThrowing(new InvalidCursorError('zzz')).request('/')
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_cursor')
  })

  it('logs an unexpected error and still answers in the error shape', async () => {
    const logged: unknown[] = []
    const bug = new TypeError('undefined is not a function')
    const response = await appThrowing(bug, logged).request('/')
    expect(response.status).toBe(500)
    expect((await response.json()).error.code).toBe('internal_error')
    expect(logged).toEqual([bug])
  })

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await appThrowing(null).request('/nowhere')
    expect(response.status).toBe(404)
    expect((await response.json()).error).toEqual({ code: 'not_found', message: 'No route for GET /nowhere' })
  })
})
