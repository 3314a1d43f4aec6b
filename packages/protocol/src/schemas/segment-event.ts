import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { attributesObject, dateTime, identifier, jsonObject, messageId, orNull, plainText } from './common.js'

/** The six Segment-spec call types. */
export const eventTypes = ['track', 'page', 'identify', 'alias', 'group', 'screen'] as const
export type EventType = (typeof eventTypes)[number]

const base = {
  messageId: orNull(messageId),
  anonymousId: orNull(identifier),
  userId: orNull(identifier),
  context: orNull(jsonObject),
  integrations: orNull(jsonObject),
  timestamp: orNull(dateTime),
  originalTimestamp: orNull(dateTime),
  sentAt: orNull(dateTime),
}

const needsAnIdentity = (event: { anonymousId?: string; userId?: string }) => Boolean(event.anonymousId || event.userId)

const identityMessage = { message: 'needs an anonymousId or a userId', path: ['anonymousId'] }

export const trackEventSchema = z
  .object({
    ...base,
    type: z.literal('track'),
    event: plainText('is required for a track call: the name of what the user did')
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
    properties: orNull(jsonObject),
  })
  .refine(needsAnIdentity, identityMessage)

export const pageEventSchema = z
  .object({
    ...base,
    type: z.literal('page'),
    name: orNull(plainText().max(MAX_NAME_LENGTH)),
    category: orNull(plainText().max(MAX_NAME_LENGTH)),
    properties: orNull(jsonObject),
  })
  .refine(needsAnIdentity, identityMessage)

export const screenEventSchema = z
  .object({
    ...base,
    type: z.literal('screen'),
    name: orNull(plainText().max(MAX_NAME_LENGTH)),
    properties: orNull(jsonObject),
  })
  .refine(needsAnIdentity, identityMessage)

export const identifyEventSchema = z
  .object({ ...base, type: z.literal('identify'), traits: orNull(attributesObject) })
  .refine(needsAnIdentity, identityMessage)

export const groupEventSchema = z
  .object({
    ...base,
    type: z.literal('group'),
    groupId: identifier.pipe(z.string().min(1, 'must not be empty')),
    traits: orNull(jsonObject),
  })
  .refine(needsAnIdentity, identityMessage)

export const aliasEventSchema = z.object({
  ...base,
  type: z.literal('alias'),
  previousId: identifier.pipe(z.string().min(1, 'is required for an alias call: the old id')),
  userId: identifier.pipe(z.string().min(1, 'is required for an alias call: the new id')),
})

/** One Segment-spec event, validated on its own so a batch can be accepted in part. */
export const segmentEventSchema = z.discriminatedUnion(
  'type',
  [trackEventSchema, pageEventSchema, screenEventSchema, identifyEventSchema, groupEventSchema, aliasEventSchema],
  { error: `type must be one of ${eventTypes.join(', ')}` },
)

/** An event as a client may send it. */
export type SegmentEventInput = z.input<typeof segmentEventSchema>
/** An event after validation (ids as trimmed strings). */
export type SegmentEvent = z.output<typeof segmentEventSchema>
