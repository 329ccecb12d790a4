import type { Intent, QueryPlan } from "../index/query";
import type { CandidateKind } from "./candidates";
import { featureIndex } from "./features";
import type { RankedCandidate } from "./rank";

/** What the ranker saw of its best candidate, by the ranker's feature names. */
const SIGNALS_FROM_TOP = [
  "sentenceCoverage",
  "contextCoverage",
  "clauseCoverage",
  "windowCoverage",
  "bagCoverage",
  "rareMissing",
  "requiredMissing",
  "topicMissing",
  "describedMissing",
  "describedMissingEnglish",
  "countedFit",
  "kindMismatch",
  "nameAsked",
  "segmentCoverage",
  "leadBefore",
  "countedAfter",
  "unitInQuestion",
  "givenNumbers",
  "bodyNear",
  "partListed",
  // "What is the date of Plan 02-KH/BCĐTW …?": the date printed right after the number asked is its own,
  // however little of the rest of the question the sentence holds.
  "referenceNamed",
] as const;

/**
 * How likely the best candidate answers the question: a logistic model over what the ranker saw (its
 * score, its margin over the next sentence, how much of the question the candidate holds, whether the
 * question names things no report mentions), calibrated on held-out questions so that among answers
 * given with confidence ≥ c at least a share c were right.
 */
export const CONFIDENCE_FEATURES: readonly string[] = [
  "topScore",
  "margin",
  "topProbability",
  "sentenceProbability",
  ...SIGNALS_FROM_TOP,
  "naturalKind",
  // "Trong 2.227.416 đối tượng …, bao nhiêu người là người cao tuổi?": a question giving the whole and
  // asking a part is answered by a passage printing the part; one printing the whole without the part's
  // words answers nothing, however well it covers the rest.
  "givenTopicMissing",
  "absentShareVietnamese",
  "absentShareEnglish",
  "unknownNames",
  "conceptCount",
  "timeMismatch",
  "documentNamed",
  "english",
  "intentFigure",
  "intentDeadline",
  "intentDate",
  "intentFact",
  // An English question paraphrases the reports through the glossary, so it covers less of the passage
  // that answers it than a Vietnamese one does: how much coverage and score say is learnt per language.
  "englishTopScore",
  "englishContextCoverage",
  "englishClauseCoverage",
];

/** The kind of candidate that answers each intent directly (a deadline question may be answered by a date too). */
const NATURAL: Record<Intent, CandidateKind[]> = {
  figure: ["figure"],
  deadline: ["deadline", "date"],
  "deadline-list": ["deadline", "date"],
  date: ["date"],
  fact: ["sentence"],
};

/**
 * `anotherTimeAbove`: a candidate of another time than the question asks about ranked above the best
 * one of that time (the question may ask about a time no report covers).
 */
export function confidenceFeatures(
  plan: QueryPlan,
  ranked: RankedCandidate[],
  anotherTimeAbove: boolean,
): Float64Array {
  const values = new Float64Array(CONFIDENCE_FEATURES.length);
  const top = ranked[0];
  const put = (name: string, value: number) => {
    values[CONFIDENCE_FEATURES.indexOf(name)] = value;
  };
  const absentShare = plan.absentWords.length / Math.max(1, plan.concepts.length + plan.absentWords.length);
  put(plan.lang === "en" ? "absentShareEnglish" : "absentShareVietnamese", absentShare);
  put("unknownNames", plan.unknownNames.length > 0 ? 1 : 0);
  put("conceptCount", Math.log1p(plan.concepts.length) / 2);
  put("documentNamed", plan.docIds.length > 0 ? 1 : 0);
  put("english", plan.lang === "en" ? 1 : 0);
  const intent = plan.intent === "deadline-list" ? "deadline" : plan.intent;
  put(`intent${intent.charAt(0).toUpperCase()}${intent.slice(1)}`, 1);
  if (!top) return values;
  const topSentence = top.candidate.sentence;
  const next = ranked.find((other) => other.candidate.sentence !== topSentence);
  const maximum = top.score;
  let total = 0;
  let inSentence = 0;
  for (const other of ranked) {
    const weight = Math.exp(other.score - maximum);
    total += weight;
    if (other.candidate.sentence === topSentence) inSentence += weight;
  }
  put("topScore", top.score / 10);
  put("margin", next ? Math.min(5, top.score - next.score) / 5 : 1);
  put("topProbability", 1 / total);
  put("sentenceProbability", inSentence / total);
  for (const name of SIGNALS_FROM_TOP) put(name, top.features[featureIndex(name)] ?? 0);
  if (plan.lang === "en") {
    put("englishTopScore", top.score / 10);
    put("englishContextCoverage", top.features[featureIndex("contextCoverage")] ?? 0);
    put("englishClauseCoverage", top.features[featureIndex("clauseCoverage")] ?? 0);
  }
  put("naturalKind", NATURAL[plan.intent].includes(top.candidate.kind) ? 1 : 0);
  if (plan.givenNumbers.length > 0) put("givenTopicMissing", top.features[featureIndex("topicMissing")] ?? 0);
  put("timeMismatch", anotherTimeAbove ? 1 : 0);
  return values;
}

export interface ConfidenceModel {
  weights: number[];
  bias: number;
  calibration: Array<[number, number]>;
}

export function rawConfidence(
  model: Pick<ConfidenceModel, "weights" | "bias">,
  features: ArrayLike<number>,
): number {
  let sum = model.bias;
  for (let at = 0; at < features.length; at++) sum += (model.weights[at] ?? 0) * (features[at] ?? 0);
  return 1 / (1 + Math.exp(-sum));
}

/** The isotonic map from raw probability to the share correct, interpolated between its steps. */
export function calibrate(calibration: Array<[number, number]>, raw: number): number {
  if (calibration.length === 0) return raw;
  const first = calibration[0] as [number, number];
  const last = calibration.at(-1) as [number, number];
  if (raw <= first[0]) return first[1];
  if (raw >= last[0]) return last[1];
  for (let at = 1; at < calibration.length; at++) {
    const [x1, y1] = calibration[at] as [number, number];
    const [x0, y0] = calibration[at - 1] as [number, number];
    if (raw <= x1) return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}

export function confidenceOf(model: ConfidenceModel, features: ArrayLike<number>): number {
  return calibrate(model.calibration, rawConfidence(model, features));
}
