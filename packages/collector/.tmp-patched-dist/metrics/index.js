export { createCollectorMetrics } from './collector-metrics.js';
export { Counter } from './counter.js';
export { Histogram } from './histogram.js';
//# sourceMappingURL=index.js.map