import type { Candidate } from "./candidates";
import { featuresOf, onTopic, type QuestionView } from "./features";

/** A candidate with its features and the ranker's score (a log-odds, comparable within one question). */
export interface RankedCandidate {
  candidate: Candidate;
  features: Float64Array;
  score: number;
}

export function linearScore(weights: ArrayLike<number>, features: ArrayLike<number>): number {
  let sum = 0;
  for (let at = 0; at < features.length; at++) sum += (weights[at] ?? 0) * (features[at] ?? 0);
  return sum;
}

/** Scores every candidate with the fitted weights; best first. */
export function rankCandidates(
  view: QuestionView,
  candidates: Candidate[],
  weights: ArrayLike<number>,
): RankedCandidate[] {
  return onTopic(view, candidates)
    .map((candidate) => {
      const features = featuresOf(view, candidate);
      return { candidate, features, score: linearScore(weights, features) };
    })
    .sort((a, b) => b.score - a.score);
}
