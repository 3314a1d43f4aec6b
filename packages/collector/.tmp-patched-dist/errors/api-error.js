import { HTTPException } from 'hono/http-exception';
/**
 * The one way a handler refuses a request: thrown anywhere, turned into
 * `{"error": {"code", "message", "issues"?}}` by the app's single `onError`.
 *
 * @example
 * throw new ApiError(401, 'unauthorized', 'Unknown write key: check the data-write-key of your script tag')
 */
export class ApiError extends HTTPException {
    code;
    issues;
    headers;
    constructor(status, code, message, options = {}) {
        super(status, { message, cause: options.cause });
        this.code = code;
        this.issues = options.issues;
        this.headers = options.headers ?? {};
    }
}
//# sourceMappingURL=api-error.js.map