/** Latency percentiles in milliseconds, rounded for a table. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

/** Runs `work` `times` times and returns each duration. */
export async function timeEach(
  times: number,
  work: (iteration: number) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let iteration = 0; iteration < times; iteration++) {
    const started = performance.now();
    await work(iteration);
    samples.push(performance.now() - started);
  }
  return samples;
}
