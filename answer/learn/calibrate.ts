/**
 * Isotonic calibration (pool adjacent violators): maps a raw probability to the share of answers that were
 * right among held-out answers with that raw probability, never decreasing. Returns the map as
 * (raw, share) points, ascending.
 */
export function isotonicCalibration(
  points: Array<{ raw: number; correct: boolean; weight: number }>,
): Array<[number, number]> {
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: Array<{ low: number; high: number; sum: number; weight: number }> = [];
  for (const point of sorted) {
    blocks.push({
      low: point.raw,
      high: point.raw,
      sum: point.weight * (point.correct ? 1 : 0),
      weight: point.weight,
    });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const before = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (before.sum / before.weight <= last.sum / last.weight) break;
      blocks.splice(blocks.length - 2, 2, {
        low: before.low,
        high: last.high,
        sum: before.sum + last.sum,
        weight: before.weight + last.weight,
      });
    }
  }
  // Neighbouring blocks with the same share are one step: keep only the ends of each run.
  const merged: typeof blocks = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (last && Math.abs(last.sum / last.weight - block.sum / block.weight) < 1e-9) {
      last.high = block.high;
      last.sum += block.sum;
      last.weight += block.weight;
    } else merged.push({ ...block });
  }
  // Each block is one point at its centre; between points the map is linear, so confidence rises
  // smoothly with the raw probability instead of in flat steps.
  return merged.map((block): [number, number] => [
    Math.round(((block.low + block.high) / 2) * 1e4) / 1e4,
    Math.round((1000 * block.sum) / block.weight) / 1000,
  ]);
}
