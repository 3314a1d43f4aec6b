import type { EventSummary, JsonObject } from '@sillage/protocol'
import type { ContactLookup } from '../store.js'
import { type EventSpec, minute } from './event-fixture.test-suite.js'

/** One contact a scenario must end with. */
export interface ExpectedContact {
  /** messageIds of exactly the events it must own. */
  events: string[]
  userId: string | null
  email: string | null
  anonymousIds: string[]
  attributes?: JsonObject
  summaries?: EventSummary[]
}

export interface IdentityScenario {
  name: string
  /** Ingested in order; an event without `at` happens at minute = its index. */
  events: EventSpec[]
  /** Every contact that owns events, and nothing else. */
  contacts: ExpectedContact[]
  /** Lookups that must find no contact. */
  unknown?: ContactLookup[]
}

const summary = (name: string, count: number, first: number, last: number): EventSummary => ({
  name,
  count,
  first: minute(first),
  last: minute(last),
})

/** The identity rules of docs/identity.md as data: what a marketer must see after each sequence of calls. */
export const identityScenarios: IdentityScenario[] = [
  {
    name: 'first visit: a device browsing stays one anonymous contact',
    events: [
      { messageId: 'e1', anon: 'd1', type: 'page' },
      { messageId: 'e2', anon: 'd1' },
    ],
    contacts: [{ events: ['e1', 'e2'], userId: null, email: null, anonymousIds: ['d1'] }],
  },
  {
    name: 'identify after browsing merges the anonymous past into the identified contact',
    events: [
      { messageId: 'e1', anon: 'd1' },
      { messageId: 'e2', anon: 'd1' },
      { messageId: 'e3', anon: 'd1', userId: 'u1', email: 'ann@example.com', type: 'identify' },
      { messageId: 'e4', anon: 'd1' },
      { messageId: 'e5', userId: 'u1' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3', 'e4', 'e5'], userId: 'u1', email: 'ann@example.com', anonymousIds: ['d1'] },
    ],
  },
  {
    name: 'identify before browsing: later anonymous events find the identified contact',
    events: [
      { messageId: 'e1', anon: 'd1', userId: 'u1', type: 'identify' },
      { messageId: 'e2', anon: 'd1' },
      { messageId: 'e3', anon: 'd1', type: 'page' },
    ],
    contacts: [{ events: ['e1', 'e2', 'e3'], userId: 'u1', email: null, anonymousIds: ['d1'] }],
  },
  {
    name: 'two devices then login on both: one contact with both devices and all history',
    events: [
      { messageId: 'e1', anon: 'phone' },
      { messageId: 'e2', anon: 'laptop' },
      { messageId: 'e3', anon: 'phone', userId: 'u1', type: 'identify' },
      { messageId: 'e4', anon: 'laptop', userId: 'u1', type: 'identify' },
      { messageId: 'e5', anon: 'laptop' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3', 'e4', 'e5'], userId: 'u1', email: null, anonymousIds: ['laptop', 'phone'] },
    ],
  },
  {
    name: 'shared computer: the second person takes the device from then on, history stays',
    events: [
      { messageId: 'e1', anon: 'd1' },
      { messageId: 'e2', anon: 'd1', userId: 'alice', email: 'alice@example.com', type: 'identify' },
      { messageId: 'e3', anon: 'd1' },
      { messageId: 'e4', anon: 'd1', userId: 'bob', email: 'bob@example.com', type: 'identify' },
      { messageId: 'e5', anon: 'd1' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3'], userId: 'alice', email: 'alice@example.com', anonymousIds: [] },
      { events: ['e4', 'e5'], userId: 'bob', email: 'bob@example.com', anonymousIds: ['d1'] },
    ],
  },
  {
    name: 'alias(previousId = anonymousId, userId) merges the device into the user',
    events: [
      { messageId: 'e1', userId: 'u1' },
      { messageId: 'e2', anon: 'd1' },
      { messageId: 'e3', previousId: 'd1', userId: 'u1' },
      { messageId: 'e4', anon: 'd1' },
    ],
    contacts: [{ events: ['e1', 'e2', 'e3', 'e4'], userId: 'u1', email: null, anonymousIds: ['d1'] }],
  },
  {
    name: 'alias is explicit: the email-only contact of the previousId merges into the user, as the never-merge rule allows',
    events: [
      { messageId: 'e1', email: 'ann@example.com', type: 'identify' },
      { messageId: 'e2', anon: 'd1', email: 'ann@example.com' },
      { messageId: 'e3', userId: 'u1' },
      { messageId: 'e4', previousId: 'd1', userId: 'u1' },
    ],
    contacts: [{ events: ['e1', 'e2', 'e3', 'e4'], userId: 'u1', email: 'ann@example.com', anonymousIds: ['d1'] }],
  },
  {
    name: 'alias between two different userIds never merges them',
    events: [
      { messageId: 'e1', userId: 'u1' },
      { messageId: 'e2', userId: 'u2' },
      { messageId: 'e3', previousId: 'u1', userId: 'u2' },
    ],
    contacts: [
      { events: ['e1'], userId: 'u1', email: null, anonymousIds: [] },
      { events: ['e2', 'e3'], userId: 'u2', email: null, anonymousIds: [] },
    ],
  },
  {
    name: 'email-only identify, then the userId arrives: one contact with both',
    events: [
      { messageId: 'e1', anon: 'd1' },
      { messageId: 'e2', anon: 'd1', email: 'ann@example.com', type: 'identify' },
      { messageId: 'e3', anon: 'd1', userId: 'u1', email: 'ann@example.com', type: 'identify' },
      { messageId: 'e4', userId: 'u1' },
      { messageId: 'e5', email: 'ann@example.com' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3', 'e4', 'e5'], userId: 'u1', email: 'ann@example.com', anonymousIds: ['d1'] },
    ],
  },
  {
    name: 'a userId known elsewhere absorbs the email-only contact when both arrive together',
    events: [
      { messageId: 'e1', email: 'ann@example.com' },
      { messageId: 'e2', userId: 'u1' },
      { messageId: 'e3', userId: 'u1', email: 'ann@example.com', type: 'identify' },
    ],
    contacts: [{ events: ['e1', 'e2', 'e3'], userId: 'u1', email: 'ann@example.com', anonymousIds: [] }],
  },
  {
    name: 'two emails on one device are two people: the device moves to the second',
    events: [
      { messageId: 'e1', anon: 'd1', email: 'ann@example.com' },
      { messageId: 'e2', anon: 'd1', email: 'bob@example.com' },
    ],
    contacts: [
      { events: ['e1'], userId: null, email: 'ann@example.com', anonymousIds: [] },
      { events: ['e2'], userId: null, email: 'bob@example.com', anonymousIds: ['d1'] },
    ],
  },
  {
    name: 'blocked values never identify anyone: strangers stay apart',
    events: [
      { messageId: 'e1', anon: 'd1', userId: 'null' },
      { messageId: 'e2', anon: 'd2', userId: 'NULL', email: 'undefined' },
      { messageId: 'e3', anon: 'd3', userId: '0000' },
      { messageId: 'e4', anon: 'anonymous', userId: 'u1' },
      { messageId: 'e5', anon: 'anonymous', userId: 'u2' },
      { messageId: 'e6', anon: ' Guest ' },
    ],
    contacts: [
      { events: ['e1'], userId: null, email: null, anonymousIds: ['d1'] },
      { events: ['e2'], userId: null, email: null, anonymousIds: ['d2'] },
      { events: ['e3'], userId: null, email: null, anonymousIds: ['d3'] },
      { events: ['e4'], userId: 'u1', email: null, anonymousIds: [] },
      { events: ['e5'], userId: 'u2', email: null, anonymousIds: [] },
      { events: ['e6'], userId: null, email: null, anonymousIds: [] },
    ],
    unknown: [
      { userId: 'null' },
      { userId: '0000' },
      { email: 'undefined' },
      { anonymousId: 'anonymous' },
      { anonymousId: ' Guest ' },
    ],
  },
  {
    name: 'unverified claims stay on the anonymous contact of the device',
    events: [
      { messageId: 'e1', anon: 'd1' },
      { messageId: 'e2', anon: 'd1', userId: 'u1', email: 'ceo@example.com', type: 'identify', identity: 'unverified' },
      { messageId: 'e3', anon: 'd1', userId: 'u1', identity: 'unverified' },
      { messageId: 'e4', anon: 'd1', previousId: 'd9', userId: 'u1', identity: 'unverified' },
      { messageId: 'e5', anon: 'd2', userId: 'u1' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3', 'e4'], userId: null, email: null, anonymousIds: ['d1'] },
      { events: ['e5'], userId: 'u1', email: null, anonymousIds: ['d2'] },
    ],
    unknown: [{ email: 'ceo@example.com' }, { anonymousId: 'd9' }],
  },
  {
    name: 'merge chain: A into B, then B into C; every old id resolves to C',
    events: [
      { messageId: 'e1', anon: 'd1' },
      { messageId: 'e2', email: 'ann@example.com', type: 'identify' },
      { messageId: 'e3', anon: 'd1', email: 'ann@example.com' },
      { messageId: 'e4', userId: 'u1' },
      { messageId: 'e5', userId: 'u1', email: 'ann@example.com', type: 'identify' },
    ],
    contacts: [
      { events: ['e1', 'e2', 'e3', 'e4', 'e5'], userId: 'u1', email: 'ann@example.com', anonymousIds: ['d1'] },
    ],
  },
  {
    name: 'summaries through merges: count adds, first is the min, last the max',
    events: [
      { messageId: 'e1', anon: 'phone', name: 'viewed', at: 30 },
      { messageId: 'e2', anon: 'phone', name: 'viewed', at: 10 },
      { messageId: 'e3', anon: 'laptop', name: 'viewed', at: 50 },
      { messageId: 'e4', anon: 'laptop', name: 'clicked', at: 20 },
      { messageId: 'e5', anon: 'phone', userId: 'u1', type: 'identify', at: 40 },
      { messageId: 'e6', anon: 'laptop', userId: 'u1', type: 'identify', at: 60 },
    ],
    contacts: [
      {
        events: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'],
        userId: 'u1',
        email: null,
        anonymousIds: ['laptop', 'phone'],
        summaries: [summary('clicked', 1, 20, 20), summary('identify', 2, 40, 60), summary('viewed', 3, 10, 50)],
      },
    ],
  },
  {
    name: 'identify traits become attributes, the latest timestamp winning per key, through merges',
    events: [
      { messageId: 'e1', userId: 'u1', type: 'identify', traits: { plan: 'free', name: 'Ann' }, at: 20 },
      { messageId: 'e2', userId: 'u1', type: 'identify', traits: { plan: 'pro' }, at: 10 },
      { messageId: 'e3', anon: 'd1', type: 'identify', traits: { color: 'red', name: 'Annie' }, at: 5 },
      { messageId: 'e4', anon: 'd1', type: 'identify', traits: { plan: 'team' }, at: 30 },
      { messageId: 'e5', anon: 'd1', userId: 'u1', type: 'identify', at: 40 },
    ],
    contacts: [
      {
        events: ['e1', 'e2', 'e3', 'e4', 'e5'],
        userId: 'u1',
        email: null,
        anonymousIds: ['d1'],
        attributes: { plan: 'team', name: 'Ann', color: 'red' },
      },
    ],
  },
]
