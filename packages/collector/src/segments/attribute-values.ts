import type { MembershipContact } from './membership-input.js'

/**
 * The values an attribute condition tests: `email`, `userId` and `identified` come from
 * the contact itself (and win over a trait of the same name), anything else from its
 * attributes. Like a property, an array attribute gives its elements.
 *
 * @example
 * attributeValues({ id: 'c1', email: null, userId: 'u1', attributes: { tags: ['a', 'b'] } }, 'tags') // ['a', 'b']
 * attributeValues({ id: 'c1', email: null, userId: 'u1', attributes: {} }, 'identified') // [true]
 */
export function attributeValues(contact: MembershipContact, name: string): unknown[] {
  const value = attributeValue(contact, name)
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

function attributeValue(contact: MembershipContact, name: string): unknown {
  if (name === 'email') return contact.email
  if (name === 'userId') return contact.userId
  if (name === 'identified') return contact.userId !== null || contact.email !== null
  return Object.hasOwn(contact.attributes, name) ? contact.attributes[name] : undefined
}
