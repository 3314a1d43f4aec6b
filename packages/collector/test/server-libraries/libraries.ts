import { Analytics as SegmentAnalytics } from '@segment/analytics-node'
import RudderAnalytics from '@rudderstack/rudder-sdk-node'
import ClassicAnalytics from 'analytics-node'
import { DROP_IN_WRITE_KEY } from '../helpers/drop-in-collector.js'
import { type LibraryCall, type SegmentStyleLibrary, callOutcomes } from './segment-style-library.js'

type Flushing = { flush(): Promise<unknown> }
type Callback = (error?: unknown) => void
type Calling = Record<LibraryCall['type'], (message: Omit<LibraryCall, 'type'>, callback: Callback) => unknown>

/**
 * RudderStack 3.x and Segment's classic `analytics-node` share a shape (RudderStack's is
 * a fork): a constructor `(writeKey, options)`, calls with a per-call callback, `flush()`.
 */
function classicStyle(client: Calling & Flushing) {
  const outcomes = callOutcomes()
  return {
    call({ type, ...message }: LibraryCall) {
      client[type](message, outcomes.next())
    },
    async settle() {
      // A flush that failed after its retries also reports to each call's callback.
      await client.flush().catch(() => {})
      return outcomes.settled()
    },
  }
}

export const rudderSdkNode: SegmentStyleLibrary = {
  libraryName: 'analytics-node',
  open: (host) =>
    classicStyle(new RudderAnalytics(DROP_IN_WRITE_KEY, { dataPlaneUrl: host }) as unknown as Calling & Flushing),
}

export const segmentClassic: SegmentStyleLibrary = {
  libraryName: 'analytics-node',
  open: (host) => classicStyle(new ClassicAnalytics(DROP_IN_WRITE_KEY, { host }) as unknown as Calling & Flushing),
}

export const segmentAnalyticsNode: SegmentStyleLibrary = {
  libraryName: '@segment/analytics-node',
  open(host) {
    const analytics = new SegmentAnalytics({ writeKey: DROP_IN_WRITE_KEY, host })
    const outcomes = callOutcomes()
    const calls = analytics as unknown as Calling
    return {
      call({ type, ...message }) {
        calls[type](message, outcomes.next())
      },
      async settle() {
        await analytics.flush()
        return outcomes.settled()
      },
    }
  },
}
