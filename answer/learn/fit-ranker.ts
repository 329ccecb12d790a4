import { linearScore } from "../rank";

/**
 * Fits the ranker: a conditional logit (softmax over one question's candidates) on the candidates'
 * features, with an L2 penalty. The likelihood of a question is the probability its positive
 * candidates get together. Full-batch gradient steps with Adam: deterministic, no randomness, a few
 * seconds for thousands of questions.
 */
export interface RankingExample {
  /** One feature vector per candidate. */
  features: Float64Array[];
  /** Indexes of the candidates that answer the question. */
  positives: number[];
  weight: number;
}

export interface RankerFitOptions {
  l2: number;
  steps: number;
  learningRate: number;
}

export const DEFAULT_RANKER_FIT: RankerFitOptions = { l2: 0.01, steps: 150, learningRate: 0.1 };

/** One example's candidates as sparse rows (most features are zero for most candidates), for tight loops. */
interface Packed {
  /** Row r's entries are at [starts[r], starts[r + 1]). */
  starts: Uint32Array;
  columns: Uint16Array;
  values: Float64Array;
  rows: number;
  positive: Uint8Array;
  weight: number;
  scores: Float64Array;
}

function pack(example: RankingExample): Packed {
  const rows = example.features.length;
  const starts = new Uint32Array(rows + 1);
  const columns: number[] = [];
  const values: number[] = [];
  example.features.forEach((features, row) => {
    for (let column = 0; column < features.length; column++) {
      const value = features[column] as number;
      if (value !== 0) {
        columns.push(column);
        values.push(value);
      }
    }
    starts[row + 1] = columns.length;
  });
  const positive = new Uint8Array(rows);
  for (const at of example.positives) positive[at] = 1;
  return {
    starts,
    columns: Uint16Array.from(columns),
    values: Float64Array.from(values),
    rows,
    positive,
    weight: example.weight,
    scores: new Float64Array(rows),
  };
}

/** Adds the gradient of one example's negative log-likelihood to `gradient`; returns the loss. */
function accumulate(example: Packed, weights: Float64Array, gradient: Float64Array): number {
  const { starts, columns, values, rows, positive, scores } = example;
  let top = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let entry = starts[row] as number; entry < (starts[row + 1] as number); entry++)
      sum += (weights[columns[entry] as number] as number) * (values[entry] as number);
    scores[row] = sum;
    if (sum > top) top = sum;
  }
  let total = 0;
  let positiveTotal = 0;
  for (let row = 0; row < rows; row++) {
    const value = Math.exp((scores[row] as number) - top);
    scores[row] = value;
    total += value;
    if (positive[row]) positiveTotal += value;
  }
  for (let row = 0; row < rows; row++) {
    const value = scores[row] as number;
    const factor = example.weight * (value / total - (positive[row] ? value / positiveTotal : 0));
    if (Math.abs(factor) < 1e-12) continue;
    for (let entry = starts[row] as number; entry < (starts[row + 1] as number); entry++) {
      const column = columns[entry] as number;
      gradient[column] = (gradient[column] as number) + factor * (values[entry] as number);
    }
  }
  return -example.weight * Math.log(positiveTotal / total);
}

export function fitRanker(
  examples: RankingExample[],
  dimensions: number,
  options: RankerFitOptions = DEFAULT_RANKER_FIT,
): Float64Array {
  const usable = examples
    .filter((example) => example.positives.length > 0 && example.features.length > 1)
    .map(pack);
  const weights = new Float64Array(dimensions);
  const moment = new Float64Array(dimensions);
  const velocity = new Float64Array(dimensions);
  const gradient = new Float64Array(dimensions);
  const totalWeight = usable.reduce((sum, example) => sum + example.weight, 0) || 1;
  for (let step = 1; step <= options.steps; step++) {
    gradient.fill(0);
    for (const example of usable) accumulate(example, weights, gradient);
    for (let at = 0; at < dimensions; at++) {
      const value = (gradient[at] ?? 0) / totalWeight + options.l2 * (weights[at] ?? 0);
      moment[at] = 0.9 * (moment[at] ?? 0) + 0.1 * value;
      velocity[at] = 0.999 * (velocity[at] ?? 0) + 0.001 * value * value;
      const corrected = (moment[at] ?? 0) / (1 - 0.9 ** step);
      const scale = Math.sqrt((velocity[at] ?? 0) / (1 - 0.999 ** step)) + 1e-8;
      weights[at] = (weights[at] ?? 0) - (options.learningRate * corrected) / scale;
    }
  }
  return weights;
}

/** Share of examples whose best-scored candidate is a positive. */
export function topOneAccuracy(examples: RankingExample[], weights: ArrayLike<number>): number {
  if (examples.length === 0) return 0;
  let correct = 0;
  for (const example of examples) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    example.features.forEach((features, at) => {
      const score = linearScore(weights, features);
      if (score > bestScore) {
        bestScore = score;
        best = at;
      }
    });
    if (example.positives.includes(best)) correct++;
  }
  return correct / examples.length;
}
