export * from './limits.js'
export type * from './types.js'
export { isBlockedIdentifier } from './blocked-identifiers.js'
export { eventTypes, segmentEventSchema, trackEventSchema, pageEventSchema, screenEventSchema, identifyEventSchema, groupEventSchema, aliasEventSchema } from './schemas/segment-event.js'
export type { SegmentEvent, SegmentEventInput } from './schemas/segment-event.js'
export { batchEnvelopeSchema } from './schemas/batch.js'
export type { BatchEnvelope } from './schemas/batch.js'
export { brevoEventSchema, brevoIdentifiersSchema } from './schemas/brevo-event.js'
export type { BrevoEvent, BrevoEventInput } from './schemas/brevo-event.js'
export { formatIssues } from './format-issues.js'
export { plainText } from './schemas/common.js'
export { durationMs, segmentDurationSchema, segmentTimeWindowSchema } from './schemas/segment-time.js'
export type { SegmentDuration, SegmentPeriod, SegmentTimeWindow } from './schemas/segment-time.js'
export { segmentFilterOps, segmentFilterSchema, MAX_IN_VALUES } from './schemas/segment-filter.js'
export type { SegmentComparison, SegmentFilter, SegmentFilterOp, SegmentScalar } from './schemas/segment-filter.js'
export {
  segmentConditionSchema,
  MAX_FILTERS,
  MAX_GROUP_CONDITIONS,
  MAX_SEQUENCE_STEPS,
} from './schemas/segment-condition.js'
export type {
  SegmentAttributeCondition,
  SegmentCondition,
  SegmentCountComparison,
  SegmentEventCondition,
  SegmentOccurrence,
  SegmentReferenceCondition,
  SegmentSequenceCondition,
  SegmentSequenceStep,
} from './schemas/segment-condition.js'
export {
  segmentDefinitionSchema,
  segmentMatchSchema,
  segmentPreviewSchema,
  MAX_MATCH_DEPTH,
} from './schemas/segment.js'
export type { SegmentDefinition } from './schemas/segment.js'
