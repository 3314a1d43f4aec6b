import { describe, expect, it } from 'vitest'
import type { SegmentCondition } from '@sillage/protocol'
import { eraseContact } from '../../contacts/erase-contact.js'
import { expireEvents } from '../../privacy/expire-events.js'
import { saveSegmentDefinition } from '../../segments/save-segment-definition.js'
import { withSizes } from '../../segments/with-sizes.js'
import { SegmentUpkeep } from '../../segments/upkeep/segment-upkeep.js'
import type { Store } from '../store.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { type SegmentExpectation, type SegmentScenario, segmentScenarios } from './segment-scenarios.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

const modes = ['saved before the events (kept current from the feed)', 'saved later (computed over history)'] as const
const MAIN = 'main'

/** Day `d` of the scenarios' clock. */
const day = (d: number) => minute(Math.round(d * 24 * 60))

/**
 * Runs every segment scenario on a store with an injected clock: events are ingested, the
 * clock moves, the upkeep (feed consumer, scheduler, background computation) settles, and
 * the members and feed entries must be exactly the expected ones.
 */
export function describeSegmentContract(harness: StoreHarness): void {
  describe('segment scenarios', () => {
    const stores = useStores(harness)
    for (const scenario of segmentScenarios) {
      for (const mode of modes) {
        it(`${scenario.name} (${mode})`, async () => {
          await new ScenarioRun(await stores.open(), scenario, mode === modes[1]).run()
        })
      }
    }
  })
}

class ScenarioRun {
  private clock = new Date(day(0))
  private readonly upkeep: SegmentUpkeep
  private readonly ids = new Map<string, string>()
  private readonly labelOf = new Map<string, string>()
  private readonly pending = new Map<string, { entered: string[]; exited: string[] }>()
  private feedCursor: string | undefined
  private messages = 0

  constructor(
    private readonly store: Store,
    private readonly scenario: SegmentScenario,
    private readonly saveLater: boolean,
  ) {
    this.upkeep = new SegmentUpkeep({ store, now: () => this.clock })
  }

  async run(): Promise<void> {
    if (!this.saveLater) await this.saveSegments()
    let firstLook = true
    for (const step of this.scenario.steps) {
      this.clock = new Date(day(step.day))
      if ('ingest' in step) {
        const events = step.ingest.map(({ day: at, id, ...spec }) => ({
          ...makeEvent({ ...spec, messageId: id ?? `m${++this.messages}` }),
          timestamp: day(at),
        }))
        await ingest(this.store, events)
      } else if ('erase' in step) {
        expect(
          await eraseContact(this.store, { id: (await this.resolve(step.erase))!, at: this.clock.toISOString() }),
        ).toBe(true)
      } else if ('retentionDays' in step) {
        await this.upkeep.settle()
        const before = new Date(this.clock.getTime() - step.retentionDays * 86_400_000).toISOString()
        const expired = await expireEvents(this.store, { before, pause: async () => {} })
        expect(expired.events, 'retention deleted events').toBeGreaterThan(0)
      } else {
        if (this.saveLater && this.ids.size === 0) await this.saveSegments()
        await this.upkeep.settle()
        await this.expectSegment(step, !(this.saveLater && firstLook))
        firstLook = false
      }
    }
  }

  private async saveSegments(): Promise<void> {
    const at = this.clock.toISOString()
    for (const [key, match] of [...Object.entries(this.scenario.others ?? {}), [MAIN, this.scenario.match] as const]) {
      const definition = { name: key, match: this.withIds(match) }
      const saved = await saveSegmentDefinition(this.store, { definition, at })
      this.ids.set(key, saved!.id)
    }
  }

  private withIds(match: SegmentCondition): SegmentCondition {
    return JSON.parse(JSON.stringify(match), (key, value) => (key === 'segment' ? this.ids.get(value) : value))
  }

  private async expectSegment(expected: SegmentExpectation, checkFeed: boolean): Promise<void> {
    const key = expected.segment ?? MAIN
    const segmentId = this.ids.get(key)!
    await this.readFeed()
    const members = await this.store.transaction((tx) => tx.readSegmentMembers({ segmentId, limit: 1000 }))
    const labels = await Promise.all(members.map((member) => this.labelFor(member.id)))
    const when = `at day ${(this.clock.getTime() - Date.parse(day(0))) / 86_400_000}, segment ${key}`
    expect(labels.sort(), `members ${when}`).toEqual([...expected.members].sort())
    const [segment] = await this.store.transaction(async (tx) =>
      withSizes(tx, await tx.readSegments({ id: segmentId })),
    )
    expect(segment).toMatchObject({ status: 'ready', progress: 1, size: expected.members.length })
    const feed = this.pending.get(segmentId) ?? { entered: [], exited: [] }
    this.pending.delete(segmentId)
    if (!checkFeed) return
    if (expected.entered) expect(feed.entered.sort(), `segment.entered ${when}`).toEqual([...expected.entered].sort())
    if (expected.exited) expect(feed.exited.sort(), `segment.exited ${when}`).toEqual([...expected.exited].sort())
  }

  /** Moves the feed's segment entries into `pending`, per segment, as labels. */
  private async readFeed(): Promise<void> {
    for (;;) {
      const page = await this.store.readChanges({
        limit: 1000,
        ...(this.feedCursor === undefined ? {} : { after: this.feedCursor }),
      })
      if (page.changes.length === 0) return
      this.feedCursor = page.nextCursor ?? undefined
      for (const change of page.changes) {
        if (change.type !== 'segment.entered' && change.type !== 'segment.exited') continue
        expect(change.at <= this.clock.toISOString(), 'entries are recorded by the clock').toBe(true)
        const segmentId = String(change.data?.segmentId)
        const entries = this.pending.get(segmentId) ?? { entered: [], exited: [] }
        entries[change.type === 'segment.entered' ? 'entered' : 'exited'].push(await this.labelFor(change.contactId!))
        this.pending.set(segmentId, entries)
      }
    }
  }

  /** The label naming a contact now (first in the scenario's order), else the one it had before. */
  private async labelFor(contactId: string): Promise<string> {
    for (const label of this.scenario.labels) {
      if ((await this.resolve(label)) === contactId) this.labelOf.set(contactId, label)
      if (this.labelOf.get(contactId) === label) return label
    }
    return this.labelOf.get(contactId) ?? `unknown contact ${contactId}`
  }

  private async resolve(label: string): Promise<string | null> {
    const [byUserId] = await this.store.findContacts({ userId: label })
    const [byDevice] = byUserId === undefined ? await this.store.findContacts({ anonymousId: label }) : [byUserId]
    return byDevice?.id ?? null
  }
}
