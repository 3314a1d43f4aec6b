/** Prometheus label values must escape backslash, double quote and newline. */
export function formatLabels(labels) {
    const pairs = Object.entries(labels).map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
    return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}
/**
 * A monotonically increasing Prometheus counter, one series per label combination.
 *
 * @example
 * const requests = new Counter('http_requests_total', 'Requests answered')
 * requests.inc({ route: '/v1/batch', status: '200' })
 */
export class Counter {
    name;
    help;
    #series = new Map();
    constructor(name, help) {
        this.name = name;
        this.help = help;
    }
    inc(labels = {}, by = 1) {
        const key = formatLabels(labels);
        this.#series.set(key, (this.#series.get(key) ?? 0) + by);
    }
    /** Current value of one series (for tests and the health of dashboards). */
    value(labels = {}) {
        return this.#series.get(formatLabels(labels)) ?? 0;
    }
    render() {
        const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
        for (const [labels, value] of this.#series)
            lines.push(`${this.name}${labels} ${value}`);
        if (this.#series.size === 0)
            lines.push(`${this.name} 0`);
        return lines.join('\n');
    }
}
//# sourceMappingURL=counter.js.map