// Shared by the 'tracker' and 'tracker-iife' vitest projects.
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, vi } from 'vitest'

beforeEach(() => {
  if (typeof document == 'undefined') return // size.test.ts runs in node
  // A fresh IndexedDB, storage and cookie jar per test: nothing leaks between tests.
  globalThis.indexedDB = new IDBFactory()
  localStorage.clear()
  for (const cookie of document.cookie.split('; ')) {
    if (cookie) document.cookie = cookie.split('=')[0] + '=;path=/;max-age=0'
  }
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})
