import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CONFIDENCE_FEATURES } from "./confidence";
import { FEATURE_NAMES } from "./features";

/**
 * The fitted model, as `npm run fit` writes it to `answer/weights.json`: the ranker's weights, the
 * confidence model's weights and its calibration, and the refusal threshold. The feature names are
 * stored with the weights, and a file fitted for other features is refused: refit after changing them.
 */
const weightsSchema = z.object({
  version: z.number(),
  fittedAt: z.string(),
  ranker: z.object({ features: z.array(z.string()), weights: z.array(z.number()) }),
  confidence: z.object({
    features: z.array(z.string()),
    weights: z.array(z.number()),
    bias: z.number(),
    /** Isotonic calibration: raw probabilities (ascending) and the share correct at each. */
    calibration: z.array(z.tuple([z.number(), z.number()])),
  }),
  /** Answers below this calibrated confidence are refused. */
  threshold: z.number().min(0).max(1),
});

export type AnswerModel = z.infer<typeof weightsSchema>;

export const WEIGHTS_FILE = fileURLToPath(new URL("./weights.json", import.meta.url));

function sameNames(stored: string[], expected: readonly string[]): boolean {
  return stored.length === expected.length && stored.every((name, at) => name === expected[at]);
}

export function parseAnswerModel(data: unknown, source = WEIGHTS_FILE): AnswerModel {
  const model = weightsSchema.parse(data);
  if (
    !sameNames(model.ranker.features, FEATURE_NAMES) ||
    !sameNames(model.confidence.features, CONFIDENCE_FEATURES)
  ) {
    throw new Error(
      `${source} was fitted for other features than the code computes. Run \`npm run fit\` to refit it.`,
    );
  }
  return model;
}

let loaded: AnswerModel | undefined;

/** The model in `answer/weights.json`, read once. */
export function answerModel(): AnswerModel {
  loaded ??= parseAnswerModel(JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")));
  return loaded;
}
