import type { JsonObject, SegmentEvent } from '@sillage/protocol';
export interface SegmentPayload {
    name: string;
    properties: JsonObject;
    /** Only identify traits become contact attributes. */
    traits: JsonObject;
}
/**
 * The stored name, properties and traits of a Segment call (CONTRACT §3.3): track keeps
 * its own name (so `cart_updated`, `order_completed` keep Brevo's keys), a page view
 * becomes `page_visited` with `url, path, title, referrer, search` taken from its
 * properties or else from `context.page`, plus its name and category when given.
 *
 * @example
 * segmentPayload({ type: 'page', name: 'Home', anonymousId: 'a' }, { page: { path: '/' } })
 * // { name: 'page_visited', properties: { url: null, path: '/', …, name: 'Home' }, traits: {} }
 */
export declare function segmentPayload(event: SegmentEvent, context: JsonObject): SegmentPayload;
//# sourceMappingURL=segment-payload.d.ts.map