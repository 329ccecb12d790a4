/**
 * Binary logistic regression with an L2 penalty (not on the bias), fitted by full-batch gradient steps with
 * Adam. Small and deterministic: it fits the confidence model on a few thousand held-out answers.
 */
export interface BinaryExample {
  features: ArrayLike<number>;
  label: 0 | 1;
  weight: number;
}

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export function predict(model: LogisticModel, features: ArrayLike<number>): number {
  let sum = model.bias;
  for (let at = 0; at < features.length; at++) sum += (model.weights[at] ?? 0) * (features[at] ?? 0);
  return 1 / (1 + Math.exp(-sum));
}

export function fitLogistic(
  examples: BinaryExample[],
  dimensions: number,
  options = { l2: 0.01, steps: 600, learningRate: 0.05 },
): LogisticModel {
  const parameters = new Float64Array(dimensions + 1);
  const moment = new Float64Array(dimensions + 1);
  const velocity = new Float64Array(dimensions + 1);
  const totalWeight = examples.reduce((sum, example) => sum + example.weight, 0) || 1;
  const model = (): LogisticModel => ({
    weights: [...parameters.slice(0, dimensions)],
    bias: parameters[dimensions] ?? 0,
  });
  for (let step = 1; step <= options.steps; step++) {
    const gradient = new Float64Array(dimensions + 1);
    const current = model();
    for (const example of examples) {
      const error = (predict(current, example.features) - example.label) * example.weight;
      for (let at = 0; at < dimensions; at++)
        gradient[at] = (gradient[at] ?? 0) + error * (example.features[at] ?? 0);
      gradient[dimensions] = (gradient[dimensions] ?? 0) + error;
    }
    for (let at = 0; at <= dimensions; at++) {
      const penalty = at < dimensions ? options.l2 * (parameters[at] ?? 0) : 0;
      const value = (gradient[at] ?? 0) / totalWeight + penalty;
      moment[at] = 0.9 * (moment[at] ?? 0) + 0.1 * value;
      velocity[at] = 0.999 * (velocity[at] ?? 0) + 0.001 * value * value;
      const corrected = (moment[at] ?? 0) / (1 - 0.9 ** step);
      const scale = Math.sqrt((velocity[at] ?? 0) / (1 - 0.999 ** step)) + 1e-8;
      parameters[at] = (parameters[at] ?? 0) - (options.learningRate * corrected) / scale;
    }
  }
  return model();
}
