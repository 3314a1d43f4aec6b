import { ApiError } from '../../errors/api-error.js';
/**
 * Reads a request body stream, giving up as soon as it passes `maxBytes`: a client
 * that sends (or lies about) a huge body costs us at most `maxBytes` of memory.
 */
export declare function readLimitedBody(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array>;
export declare function tooLarge(maxBytes: number): ApiError;
//# sourceMappingURL=read-limited-body.d.ts.map