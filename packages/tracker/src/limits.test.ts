import * as protocol from '@sillage/protocol/limits'
import { expect, it } from 'vitest'
import * as limits from './limits.js'

it('inlines the same limits as the protocol package', () => {
  expect(limits.MAX_EVENT_BYTES).toBe(protocol.MAX_EVENT_BYTES)
  expect(limits.MAX_BEACON_BYTES).toBe(protocol.MAX_BEACON_BYTES)
  expect(limits.MAX_NAME_LENGTH).toBe(protocol.MAX_NAME_LENGTH)
})
