import type { PostgresHandle } from './postgres-handle.js'
import type { DialectOperations } from '../bind-operations.js'
import { appendChanges } from './operations/append-changes.js'
import { attachIdentifier } from './operations/attach-identifier.js'
import { bumpSummaries } from './operations/bump-summaries.js'
import { createContact } from './operations/create-contact.js'
import { dailySalt } from './operations/daily-salt.js'
import { deleteEventsBefore } from './operations/delete-events-before.js'
import { eraseContact } from './operations/erase-contact.js'
import { findContact } from './operations/find-contact.js'
import { forgetChangesBefore } from './operations/forget-changes-before.js'
import { insertEvents } from './operations/insert-events.js'
import { lastChangeCursor } from './operations/last-change-cursor.js'
import { lockConsumerCursor } from './operations/lock-consumer-cursor.js'
import { mergeContacts } from './operations/merge-contacts.js'
import { readChanges } from './operations/read-changes.js'
import { readContactHistory } from './operations/read-contact-history.js'
import { saveConsumerCursor } from './operations/save-consumer-cursor.js'
import { setAttributes } from './operations/set-attributes.js'
import { storedMessageIds } from './operations/stored-message-ids.js'
import { saveSegment } from './operations/save-segment.js'
import { countSegmentMembers } from './operations/count-segment-members.js'
import { deleteSegment } from './operations/delete-segment.js'
import { readSegments } from './operations/read-segments.js'
import { readSegmentMembers } from './operations/read-segment-members.js'
import { readMemberships } from './operations/read-memberships.js'
import { setMembership } from './operations/set-membership.js'
import { setMemberships } from './operations/set-memberships.js'
import { scheduleSegmentChecks } from './operations/schedule-segment-checks.js'
import { scheduleSegmentCheck } from './operations/schedule-segment-check.js'
import { readSegmentChecks } from './operations/read-segment-checks.js'
import { readMembershipInput } from './operations/read-membership-input.js'
import { readMembershipInputs } from './operations/read-membership-inputs.js'
import { matchSegment } from './operations/match-segment.js'
import { nextSegmentChanges } from './operations/next-segment-changes.js'

import { saveRecord } from './operations/save-record.js'
import { findRecords } from './operations/find-records.js'
import { saveRecords } from './operations/save-records.js'
import { findContactRecords } from './operations/find-contact-records.js'
import { takenRecordKeys } from './operations/taken-record-keys.js'
import { readContacts } from './operations/read-contacts.js'
import { deleteRecord } from './operations/delete-record.js'
import { leaseDueRecords } from './operations/lease-due-records.js'
import { nextDueAt } from './operations/next-due-at.js'
/** Every transaction operation in a PostgreSQL transaction, one file each. */
export const postgresOperations: DialectOperations<PostgresHandle> = {
  storedMessageIds,
  findContact,
  createContact,
  attachIdentifier,
  mergeContacts,
  insertEvents,
  bumpSummaries,
  setAttributes,
  appendChanges,
  eraseContact,
  readChanges,
  lockConsumerCursor,
  lastChangeCursor,
  saveConsumerCursor,
  dailySalt,
  deleteEventsBefore,
  forgetChangesBefore,
  readContactHistory,
  saveRecord,
  findRecords,
  saveRecords,
  findContactRecords,
  takenRecordKeys,
  readContacts,
  deleteRecord,
  leaseDueRecords,
  nextDueAt,
  saveSegment,
  deleteSegment,
  readSegments,
  countSegmentMembers,
  readSegmentMembers,
  readMemberships,
  setMembership,
  scheduleSegmentCheck,
  setMemberships,
  scheduleSegmentChecks,
  readSegmentChecks,
  readMembershipInput,
  readMembershipInputs,
  matchSegment,
  nextSegmentChanges,
}
