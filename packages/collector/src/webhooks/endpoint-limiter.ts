/** Deliveries in flight to one endpoint at once, unless told otherwise. */
export const DEFAULT_ENDPOINT_CONCURRENCY = 4

/** Refused by `run` when an endpoint already has this many deliveries waiting for a turn. */
export class EndpointBusyError extends Error {
  constructor(endpointId: string, waiting: number) {
    super(`Endpoint ${endpointId} already has ${waiting} deliveries waiting; this one stays pending for later`)
    this.name = 'EndpointBusyError'
  }
}

interface Lane {
  active: number
  waiting: (() => void)[]
}

export interface EndpointLimiter {
  /** Runs `task` when `endpointId` has a free slot; tasks for other endpoints never wait on it. */
  run<T>(endpointId: string, task: () => Promise<T>): Promise<T>
  /** Deliveries running and waiting for one endpoint. */
  load(endpointId: string): { active: number; waiting: number }
}

/**
 * Bounds the deliveries in flight per endpoint, each endpoint in its own lane: a slow or
 * hanging receiver holds up only its own messages, never another endpoint's. A lane
 * that empties is forgotten, so endpoints seen once cost nothing later.
 *
 * @example
 * const limiter = createEndpointLimiter({ concurrency: 4 })
 * const attempt = await limiter.run(endpoint.id, () => sendWebhook({ url: endpoint.url, … }))
 */
export function createEndpointLimiter({
  concurrency = DEFAULT_ENDPOINT_CONCURRENCY,
  maxWaiting = 1000,
}: {
  concurrency?: number
  maxWaiting?: number
} = {}): EndpointLimiter {
  if (!(concurrency >= 1)) throw new Error('An endpoint limiter needs a concurrency of at least 1')
  const lanes = new Map<string, Lane>()

  async function run<T>(endpointId: string, task: () => Promise<T>): Promise<T> {
    let lane = lanes.get(endpointId)
    if (!lane) lanes.set(endpointId, (lane = { active: 0, waiting: [] }))
    if (lane.active < concurrency) {
      lane.active++
    } else {
      if (lane.waiting.length >= maxWaiting) throw new EndpointBusyError(endpointId, lane.waiting.length)
      // The slot is handed over by the task that ends, so `active` already counts this one.
      await new Promise<void>((resolve) => lane.waiting.push(resolve))
    }
    try {
      return await task()
    } finally {
      const next = lane.waiting.shift()
      if (next) next()
      else if (--lane.active === 0) lanes.delete(endpointId)
    }
  }

  return {
    run,
    load: (endpointId) => {
      const lane = lanes.get(endpointId)
      return { active: lane?.active ?? 0, waiting: lane?.waiting.length ?? 0 }
    },
  }
}
