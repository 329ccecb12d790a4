import type { QueryPlan } from "../index/query";
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

/** Figures of one sentence within this many log-odds of its best are read as asked together with it. */
export const SEVERAL_GAP = 3;

/**
 * "Bao nhiêu thí sinh …, bao nhiêu % đăng ký trực tuyến?": a question asking for several figures is
 * answered by one sentence printing them, so that sentence is chosen by its two best figures together
 * (a second figure more than SEVERAL_GAP below the best, or none, counts as SEVERAL_GAP below it). Its
 * best figure leads; the rest keep their order.
 */
export function severalFirst<T extends RankedCandidate>(plan: QueryPlan, ranked: T[]): T[] {
  if (!plan.wantsSeveral) return ranked;
  const bestBySentence = new Map<Candidate["sentence"], { lead: T; second?: T }>();
  for (const item of ranked) {
    if (!item.candidate.figure) continue;
    const pair = bestBySentence.get(item.candidate.sentence);
    if (!pair) bestBySentence.set(item.candidate.sentence, { lead: item });
    else pair.second ??= item;
  }
  let chosen: T | undefined;
  let chosenSum = Number.NEGATIVE_INFINITY;
  for (const { lead, second } of bestBySentence.values()) {
    const sum = lead.score + Math.max(second?.score ?? Number.NEGATIVE_INFINITY, lead.score - SEVERAL_GAP);
    if (sum > chosenSum) {
      chosen = lead;
      chosenSum = sum;
    }
  }
  if (!chosen || chosen === ranked[0]) return ranked;
  return [chosen, ...ranked.filter((item) => item !== chosen)];
}
