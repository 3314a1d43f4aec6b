/**
 * A Prometheus histogram without labels: cumulative buckets, sum and count.
 *
 * @example
 * const latency = new Histogram('ingest_duration_seconds', 'Time to commit a batch', [0.01, 0.1, 1])
 * latency.observe(0.004)
 */
export class Histogram {
  readonly #counts: number[]
  #sum = 0
  #count = 0

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {
    this.#counts = buckets.map(() => 0)
  }

  observe(value: number): void {
    this.#sum += value
    this.#count += 1
    this.buckets.forEach((upperBound, index) => {
      if (value <= upperBound) this.#counts[index]! += 1
    })
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    this.buckets.forEach((upperBound, index) =>
      lines.push(`${this.name}_bucket{le="${upperBound}"} ${this.#counts[index]}`),
    )
    lines.push(
      `${this.name}_bucket{le="+Inf"} ${this.#count}`,
      `${this.name}_sum ${this.#sum}`,
      `${this.name}_count ${this.#count}`,
    )
    return lines.join('\n')
  }
}
