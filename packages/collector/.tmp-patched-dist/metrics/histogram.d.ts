/**
 * A Prometheus histogram without labels: cumulative buckets, sum and count.
 *
 * @example
 * const latency = new Histogram('ingest_duration_seconds', 'Time to commit a batch', [0.01, 0.1, 1])
 * latency.observe(0.004)
 */
export declare class Histogram {
    #private;
    readonly name: string;
    readonly help: string;
    readonly buckets: readonly number[];
    constructor(name: string, help: string, buckets: readonly number[]);
    observe(value: number): void;
    render(): string;
}
//# sourceMappingURL=histogram.d.ts.map