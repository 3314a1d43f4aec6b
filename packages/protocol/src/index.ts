export * from './limits.js'
export type * from './types.js'
export { isBlockedIdentifier } from './blocked-identifiers.js'
export {
  eventTypes,
  segmentEventSchema,
  trackEventSchema,
  pageEventSchema,
  screenEventSchema,
  identifyEventSchema,
  groupEventSchema,
  aliasEventSchema,
} from './schemas/segment-event.js'
export type { SegmentEvent, SegmentEventInput } from './schemas/segment-event.js'
export { batchEnvelopeSchema } from './schemas/batch.js'
export type { BatchEnvelope } from './schemas/batch.js'
export { brevoEventSchema, brevoIdentifiersSchema } from './schemas/brevo-event.js'
export type { BrevoEvent, BrevoEventInput } from './schemas/brevo-event.js'
export { formatIssues } from './format-issues.js'
export { plainText } from './schemas/common.js'
export { durationSchema, durationMs, MIN_DURATION_MS, MAX_DURATION_MS } from './schemas/duration.js'
export { templateSchema, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_DEPTH } from './schemas/template.js'
export {
  parseTemplatePath,
  templateEventNames,
  forEachTemplatePath,
  TEMPLATE_PLACEHOLDER,
  WHOLE_TEMPLATE_PLACEHOLDER,
  TEMPLATE_PATHS_HELP,
} from './template-path.js'
export {
  automationTriggerSchema,
  eventTriggerSchema,
  segmentTriggerSchema,
  MAX_AUTOMATION_TRIGGERS,
} from './schemas/automation-trigger.js'
export type { AutomationTrigger, EventTrigger, SegmentTrigger } from './schemas/automation-trigger.js'
export { automationStepSchema, IDENTITY_ATTRIBUTES } from './schemas/automation-step.js'
export type { AutomationStep } from './schemas/automation-step.js'
export {
  automationBodySchema,
  reentrySchema,
  MAX_AUTOMATION_STEPS,
  MAX_AUTOMATION_DEPTH,
} from './schemas/automation.js'
export type { AutomationBody, AutomationBodyInput } from './schemas/automation.js'
export {
  webhookEndpointBodySchema,
  webhookEndpointChangeSchema,
  webhookEndpointIdSchema,
  RESERVED_WEBHOOK_HEADERS,
  MAX_WEBHOOK_HEADERS,
  MAX_WEBHOOK_URL_LENGTH,
} from './schemas/webhook-endpoint.js'
export type {
  WebhookEndpoint,
  WebhookEndpointBody,
  WebhookEndpointBodyInput,
  WebhookEndpointChange,
} from './schemas/webhook-endpoint.js'
export { segmentDurationSchema, segmentTimeWindowSchema } from './schemas/segment-time.js'
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
