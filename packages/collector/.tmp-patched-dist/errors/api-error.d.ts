import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
export interface ApiErrorOptions {
    issues?: unknown[];
    /** Extra response headers, e.g. `Retry-After`. */
    headers?: Record<string, string>;
    cause?: unknown;
}
/**
 * The one way a handler refuses a request: thrown anywhere, turned into
 * `{"error": {"code", "message", "issues"?}}` by the app's single `onError`.
 *
 * @example
 * throw new ApiError(401, 'unauthorized', 'Unknown write key: check the data-write-key of your script tag')
 */
export declare class ApiError extends HTTPException {
    readonly code: string;
    readonly issues: unknown[] | undefined;
    readonly headers: Record<string, string>;
    constructor(status: ContentfulStatusCode, code: string, message: string, options?: ApiErrorOptions);
}
//# sourceMappingURL=api-error.d.ts.map