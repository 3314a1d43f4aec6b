/** @example const state = createMemoryState() */
export function createMemoryState() {
    return {
        lastSeq: 0,
        contacts: new Map(),
        contactIdBy: { userId: new Map(), email: new Map(), anonymousId: new Map() },
        events: [],
        eventsByContact: new Map(),
        messageKeys: new Set(),
        summaries: new Map(),
        attributes: new Map(),
        mergedInto: new Map(),
    };
}
/** @example state.messageKeys.has(messageKey(event.source, event.messageId)) */
export function messageKey(source, messageId) {
    return `${source}\u0000${messageId}`;
}
/** The contact an id names today: itself, or the survivor it was merged into. */
export function resolveMemoryContactId(state, id) {
    return state.mergedInto.get(id) ?? id;
}
//# sourceMappingURL=memory-state.js.map