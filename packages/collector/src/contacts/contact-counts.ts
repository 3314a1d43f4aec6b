/** Every contact, counted: identified (a userId or an email) or anonymous. */
export interface ContactCounts {
  identified: number
  anonymous: number
}
