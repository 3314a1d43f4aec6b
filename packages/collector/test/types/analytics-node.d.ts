// Segment's classic Node library ships no types; only what the tests call is declared.
declare module 'analytics-node' {
  type Callback = (error?: Error) => void
  interface Message {
    userId?: string
    anonymousId?: string
    previousId?: string
    event?: string
    name?: string
    traits?: Record<string, unknown>
    properties?: Record<string, unknown>
  }
  export default class Analytics {
    constructor(writeKey: string, options?: { host?: string; flushAt?: number })
    identify(message: Message, callback?: Callback): this
    track(message: Message, callback?: Callback): this
    page(message: Message, callback?: Callback): this
    alias(message: Message, callback?: Callback): this
    flush(callback?: Callback): Promise<unknown>
  }
}
