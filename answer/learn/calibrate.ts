import { calibrate } from "../confidence";
import { seededRandom } from "./random";

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

/** Bootstrap samples whose isotonic maps are averaged. */
const CALIBRATION_SAMPLES = 40;
/** The averaged map is tabulated at this many raw probabilities, evenly spaced between the lowest and highest. */
const CALIBRATION_POINTS = 41;

/**
 * Isotonic calibration averaged over bootstrap samples of the answers: one isotonic map is a staircase
 * whose steps sit where a few graded answers happen to fall, so one answer more or less moved the raw
 * probability at which confidence crosses the refusal threshold from 0.47 to 0.62, and ten right answers
 * with it. The average of many staircases is a smooth, still non-decreasing, map.
 */
export function baggedIsotonicCalibration(
  points: Array<{ raw: number; correct: boolean; weight: number }>,
  seed = 1,
): Array<[number, number]> {
  if (points.length === 0) return [];
  const random = seededRandom(seed);
  const raws = points.map((point) => point.raw);
  const lowest = Math.min(...raws);
  const step = (Math.max(...raws) - lowest) / (CALIBRATION_POINTS - 1);
  const grid = Array.from({ length: CALIBRATION_POINTS }, (_, at) => lowest + at * step);
  const sums = new Float64Array(grid.length);
  for (let sample = 0; sample < CALIBRATION_SAMPLES; sample++) {
    const drawn = Array.from({ length: points.length }, () => random.pick(points));
    const map = isotonicCalibration(drawn);
    grid.forEach((raw, at) => {
      sums[at] = (sums[at] ?? 0) + calibrate(map, raw);
    });
  }
  return grid.map((raw, at): [number, number] => [
    Math.round(raw * 1e4) / 1e4,
    Math.round((1000 * (sums[at] ?? 0)) / CALIBRATION_SAMPLES) / 1000,
  ]);
}
