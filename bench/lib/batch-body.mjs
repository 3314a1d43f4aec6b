/**
 * Request bodies for `POST /v1/batch`, generated per request so that every event carries
 * a messageId never sent before (otherwise the bench measures de-duplication, not ingest).
 *
 * One request is one device's batch, as the browser tracker sends it: every event of a
 * request shares an anonymousId, drawn round-robin from a pool of `devices`.
 *
 * @example
 * const nextBody = createBatchBody({ batchSize: 20 })
 * const body = nextBody() // '{"batch":[…20 track events…],"sentAt":"…"}'
 */
export function createBatchBody({ batchSize, devices = 10_000, runId = uniqueRunId() }) {
  let eventCounter = 0
  let requestCounter = 0
  return function nextBody() {
    const sentAt = new Date().toISOString()
    const anonymousId = deviceId(runId, requestCounter++ % devices)
    let events = ''
    for (let i = 0; i < batchSize; i++) {
      const n = eventCounter++
      events +=
        (i === 0 ? '' : ',') +
        `{"type":"track","event":"Product Viewed","messageId":"${runId}-${n}","anonymousId":"${anonymousId}",` +
        `"timestamp":"${sentAt}","properties":{"product_id":"sku-${n % 997}","price":19.99,"currency":"EUR","position":${i}},` +
        `"context":{"page":{"path":"/products/sku-${n % 997}","url":"https://shop.example/products/sku-${n % 997}",` +
        `"title":"Product","referrer":"https://shop.example/"},"library":{"name":"sillage-bench","version":"1"}}}`
    }
    return `{"batch":[${events}],"sentAt":"${sentAt}"}`
  }
}

/** The anonymousId of device `index` of a run. */
export function deviceId(runId, index) {
  return `anon-${runId}-${index}`
}

/** Short and distinct across runs and processes, so a reused store never sees a duplicate. */
export function uniqueRunId() {
  return `${process.pid.toString(36)}${Date.now().toString(36)}`
}
