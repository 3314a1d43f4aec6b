import { ApiError } from '../../errors/api-error.js';
/**
 * Reads a request body stream, giving up as soon as it passes `maxBytes`: a client
 * that sends (or lies about) a huge body costs us at most `maxBytes` of memory.
 */
export async function readLimitedBody(stream, maxBytes) {
    if (!stream)
        return new Uint8Array(0);
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            size += value.byteLength;
            if (size > maxBytes) {
                await reader.cancel().catch(() => { });
                throw tooLarge(maxBytes);
            }
            chunks.push(value);
        }
    }
    catch (error) {
        if (error instanceof ApiError)
            throw error;
        throw new ApiError(400, 'body_unreadable', 'The request body could not be read to the end; send it again.', { cause: error });
    }
    return Buffer.concat(chunks, size);
}
export function tooLarge(maxBytes) {
    return new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes (after decompression); send fewer events per batch.`);
}
//# sourceMappingURL=read-limited-body.js.map