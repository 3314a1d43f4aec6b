#!/usr/bin/env node
import type { Server } from 'node:http'
import { inspect } from 'node:util'
import { dataDirOf, resolveCollectorKeys } from './config/collector-keys.js'
import { ConfigError } from './config/config-error.js'
import { parseConfig } from './config/parse-config.js'
import { usage } from './config/usage.js'
import { AutomationRuntime } from './automations/automation-runtime.js'
import { createCollector } from './create-collector.js'
import { PrivacyMaintenance } from './privacy/privacy-maintenance.js'
import { storedSegmentMembership } from './segments/stored-segment-membership.js'
import { SegmentUpkeep } from './segments/upkeep/segment-upkeep.js'
import { closeServer, listen } from './server/listen.js'
import { hideUrlPassword } from './secrets/hide-url-password.js'
import { logRedactor } from './secrets/log-redactor.js'
import { startupBanner } from './server/startup-banner.js'
import { createStore } from './stores/create-store.js'
import type { Store } from './stores/store.js'

/** Exit code for anything that stops the collector from starting (bad flag, store down, port taken). */
const CANNOT_START = 2

/** Every line this process prints goes through it: no password or key given to it reaches a log. */
let redact: (text: string) => string = hideUrlPassword

async function main(argv: readonly string[]): Promise<void> {
  const config = parseConfig(argv, process.env)
  if (config === 'help') {
    console.log(usage)
    return
  }
  redact = logRedactor({ store: config.store, secretKey: config.secretKey, identitySecret: config.identitySecret })
  const keys = await resolveCollectorKeys(dataDirOf(config.store), config)
  let store: Store
  try {
    store = createStore(config.store)
    await store.open()
  } catch (error) {
    throw new ConfigError(`cannot open the store ${hideUrlPassword(config.store)}: ${oneLine(error)}`)
  }
  const upkeep = new SegmentUpkeep({
    store,
    onError: (error) => console.error(redact(`sillage: segment upkeep failed, retrying: ${oneLine(error)}`)),
  })
  const automations = new AutomationRuntime({
    store,
    allowPrivate: config.webhookAllowPrivate,
    segments: storedSegmentMembership(store),
    onError: (error) => console.error(redact(`sillage: automations: ${oneLine(error)}`)),
  })
  const shutdown = new AbortController()
  const app = createCollector({
    store,
    shutdown: shutdown.signal,
    onSegmentsSaved: () => upkeep.segmentsSaved(),
    writeKeys: keys.writeKeys,
    secretKey: keys.secretKey,
    allowedOrigins: config.allowedOrigins,
    identitySecret: config.identitySecret,
    trustProxy: config.trustProxy,
    ipStorage: config.ipStorage,
    webhookAllowPrivate: config.webhookAllowPrivate,
    onDeliveryReplayed: () => automations.poke(),
    log: (message, error) => console.error(redact(`${message} ${inspect(error)}`)),
    rateLimit: config.rateLimit === 0 ? false : { requestsPerSecond: config.rateLimit, burst: config.rateLimit * 10 },
  })
  const { server, url } = await listen(app, config).catch(async (error: unknown) => {
    await store.close().catch(() => {})
    throw new ConfigError(`cannot listen on ${config.host}:${config.port}: ${oneLine(error)}`)
  })
  console.log(
    redact(
      startupBanner({
        url,
        storeDescription: store.description,
        keys,
        identityVerification: Boolean(config.identitySecret),
        allowedOrigins: config.allowedOrigins,
      }),
    ),
  )
  const stopMaintenance = new PrivacyMaintenance({
    store,
    retentionDays: config.retentionDays,
    now: () => new Date(),
    log: (message, error) => console.error(redact(`${message} ${oneLine(error)}`)),
  }).start()
  upkeep.start()
  automations.start()
  stopOnSignals({ server, store, shutdown, background: [{ stop: stopMaintenance }, upkeep, automations] })
}

/** Work the collector runs beside its routes (retention, automations, segments): stopped before the store closes. */
interface BackgroundWork {
  stop(): void | Promise<void>
}

/**
 * SIGTERM/SIGINT: stop accepting, end long polls and live streams, finish requests in
 * flight (at most 10 s), close the store, exit 0. Repeated signals are ignored: Ctrl-C
 * under `npm start` arrives twice (from the terminal and relayed by the wrapper), and must
 * not cut the shutdown short.
 */
function stopOnSignals(options: {
  server: Server
  store: Store
  shutdown: AbortController
  background: readonly BackgroundWork[]
}): void {
  const { server, store, shutdown, background } = options
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`Sillage collector: ${signal} received, finishing requests in flight…`)
    shutdown.abort()
    await closeServer(server, 10_000)
    const stops = background.map(async (work) => work.stop())
    for (const failure of (await Promise.allSettled(stops)).filter((result) => result.status === 'rejected')) {
      console.error(redact(`sillage: stopping background work failed: ${oneLine(failure.reason)}`))
    }
    await store
      .close()
      .catch((error: unknown) => console.error(redact(`sillage: closing the store failed: ${oneLine(error)}`)))
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(redact(`sillage-collector: ${error.message}`))
    process.exit(CANNOT_START)
  }
  console.error(redact(`sillage-collector: unexpected failure while starting: ${inspect(error)}`))
  process.exit(CANNOT_START)
})
