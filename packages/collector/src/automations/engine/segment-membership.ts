/**
 * Whether a contact is in a segment now, for `if` steps whose condition names a segment
 * (`{"segment": "seg_…"}`). The segments feature keeps memberships and answers this; a
 * collector without it answers false for every segment.
 */
export interface SegmentMembership {
  isMember(args: { segmentId: string; contactId: string }): Promise<boolean>
}
