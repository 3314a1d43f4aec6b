import { ApiError } from '../../errors/api-error.js';
const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Bytes → JSON value, refusing what would trip code further in: invalid UTF-8, and
 * nesting deep enough to overflow the stack of `JSON.stringify` when the event is stored.
 */
export function parseJsonText(bytes, maxDepth) {
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        throw new ApiError(400, 'invalid_encoding', 'The request body is not valid UTF-8; encode the JSON as UTF-8.');
    }
    if (text.trim() === '') {
        throw new ApiError(400, 'empty_body', 'The request body is empty; send a JSON object such as {"batch": [...]}.');
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${reason}).`);
    }
    if (depthExceeds(value, maxDepth)) {
        throw new ApiError(400, 'too_deep', `The request body nests objects or arrays deeper than ${maxDepth} levels; flatten it.`);
    }
    return value;
}
/** Iterative on purpose: recursion is exactly what a hostile body would exploit. */
function depthExceeds(root, maxDepth) {
    const stack = [[root, 1]];
    while (stack.length > 0) {
        const [value, depth] = stack.pop();
        if (value === null || typeof value !== 'object')
            continue;
        if (depth > maxDepth)
            return true;
        for (const child of Object.values(value)) {
            if (child !== null && typeof child === 'object')
                stack.push([child, depth + 1]);
        }
    }
    return false;
}
//# sourceMappingURL=parse-json-text.js.map