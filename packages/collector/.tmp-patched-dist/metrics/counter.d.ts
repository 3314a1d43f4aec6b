/** Prometheus label values must escape backslash, double quote and newline. */
export declare function formatLabels(labels: Record<string, string>): string;
/**
 * A monotonically increasing Prometheus counter, one series per label combination.
 *
 * @example
 * const requests = new Counter('http_requests_total', 'Requests answered')
 * requests.inc({ route: '/v1/batch', status: '200' })
 */
export declare class Counter {
    #private;
    readonly name: string;
    readonly help: string;
    constructor(name: string, help: string);
    inc(labels?: Record<string, string>, by?: number): void;
    /** Current value of one series (for tests and the health of dashboards). */
    value(labels?: Record<string, string>): number;
    render(): string;
}
//# sourceMappingURL=counter.d.ts.map