import type { QueryPlan } from "../index/query";
import { type Candidate, ofAnotherTime } from "./candidates";
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

type Sentence = Candidate["sentence"];

// "6.496 trường … . Trong đó có 2.311 trường …": a sentence opening so breaks down the one before it.
const PART_OPENING = /^(?:trong đó|trong số đó|trong số này)[\s,:]/iu;

/**
 * The sentence whose figures a question asking for several reads together with each sentence's: itself,
 * or for a "Trong đó …" sentence, the sentence right before it when that is a candidate too.
 */
export function wholeSentences(ranked: RankedCandidate[]): (sentence: Sentence) => Sentence {
  const byEnd = new Map<string, Sentence>();
  for (const { candidate } of ranked) {
    const { spot } = candidate.sentence;
    byEnd.set(`${spot.docId}:${spot.sentenceStart + spot.sentence.length}`, candidate.sentence);
  }
  return (sentence) => {
    const { spot } = sentence;
    if (!PART_OPENING.test(spot.sentence)) return sentence;
    for (let gap = 0; gap <= 2; gap++) {
      const whole = byEnd.get(`${spot.docId}:${spot.sentenceStart - gap}`);
      if (whole) return whole;
    }
    return sentence;
  };
}

function printedBefore(one: RankedCandidate, other: RankedCandidate): boolean {
  const at = (item: RankedCandidate) => item.candidate.sentence.spot.sentenceStart + item.candidate.start;
  return at(one) < at(other);
}

const isShare = (item: RankedCandidate) => item.candidate.figure?.kind === "percent";

/**
 * "bao nhiêu người kiêm nhiệm, chiếm bao nhiêu %": a count and a share asked together are answered by a
 * count and a share, not by the count beside it ("1.697 người làm chuyên trách (55,6%) và 1.357 người kiêm
 * nhiệm (44,4%)"); figures asked alike may be any two.
 */
export function complements(plan: QueryPlan, lead: RankedCandidate, item: RankedCandidate): boolean {
  return plan.expects !== "percent" || isShare(lead) !== isShare(item);
}

/**
 * "Bao nhiêu thí sinh …, bao nhiêu % đăng ký trực tuyến?": a question asking for several figures is
 * answered by one sentence printing them (or a sentence and the "Trong đó …" after it), so that sentence
 * is chosen by its two best figures together (a second figure more than SEVERAL_GAP below the best, or
 * none, counts as SEVERAL_GAP below it). The one of the two printed first leads; the rest keep their order.
 */
export function severalFirst<T extends RankedCandidate>(plan: QueryPlan, ranked: T[]): T[] {
  if (!plan.wantsSeveral) return ranked;
  const wholeOf = wholeSentences(ranked);
  const bestBySentence = new Map<Sentence, { lead: T; second?: T }>();
  for (const item of ranked) {
    if (!item.candidate.figure) continue;
    const whole = wholeOf(item.candidate.sentence);
    const pair = bestBySentence.get(whole);
    if (!pair) bestBySentence.set(whole, { lead: item });
    else if (!pair.second && complements(plan, pair.lead, item)) pair.second = item;
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
  // The figures asked together are told in the order the report prints them (a whole before its part).
  const pair = chosen && bestBySentence.get(wholeOf(chosen.candidate.sentence));
  if (
    pair?.second &&
    pair.second.score >= pair.lead.score - SEVERAL_GAP &&
    printedBefore(pair.second, pair.lead)
  )
    chosen = pair.second;
  if (!chosen || chosen === ranked[0]) return ranked;
  return [chosen, ...ranked.filter((item) => item !== chosen)];
}

/**
 * "Tháng 1/2025 … bao nhiêu hồ sơ": the candidates of the time the question asks about, best first (a
 * figure of another time never answers it, however well it matches the rest), and whether one of another
 * time ranked above them all.
 */
export function withinAskedTime<T extends RankedCandidate>(
  plan: QueryPlan,
  ranked: T[],
): { inTime: T[]; anotherTimeAbove: boolean } {
  const inTime = ranked.filter((item) => !ofAnotherTime(plan, item.candidate));
  return { inTime, anotherTimeAbove: ranked[0] !== undefined && ranked[0] !== inTime[0] };
}
