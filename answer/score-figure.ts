import type { Figure } from "../core/types";
import { coverageScore } from "../index/coverage";
import type { QueryPlan } from "../index/query";
import { timeFit } from "../index/search";
import { scoreSpot } from "./score-passage";

/**
 * How well a figure fits a topic, for listings of figures (`/api/figures?q=`, `/solieu`): its clause's and
 * sentence's share of the topic's words, with the counted noun and kind. Answers are chosen by the
 * learned ranker instead.
 */
export interface ScoredFigure {
  figure: Figure;
  score: number;
  /** How much of the question the figure's clause and sentence hold (0..1). */
  clause: number;
}

/** Below this share of the question found in the figure's clause, the figure does not answer it. */
export const MIN_CLAUSE_COVERAGE = 0.6;
const MIN_CONTEXT_COVERAGE = 0.65;

/** A share asked for is a percentage or a ratio, an amount of money is money: nothing else answers. */
function answersKind(figure: Figure, plan: QueryPlan): boolean {
  if (plan.expects === "percent") return figure.kind === "percent" || figure.kind === "ratio";
  if (plan.expects === "money") return figure.kind === "money";
  return true;
}

function kindFit(figure: Figure, plan: QueryPlan): number {
  if (plan.expects === "percent") return figure.kind === "percent" ? 0.2 : 0;
  if (plan.expects === "money") return 0.2;
  // "bao nhiêu tài khoản" wants a count; a percentage in the same clause is usually a rate beside it.
  return figure.kind === "percent" ? -0.1 : 0;
}

/** The counted noun printed after the number (`tổ công tác cấp xã`) tells apart figures of one sentence. */
function unitFit(figure: Figure, plan: QueryPlan): number {
  if (!figure.unit) return 0;
  return 0.3 * coverageScore(figure.unit, plan.concepts);
}

export function scoreFigure(figure: Figure, plan: QueryPlan, hitWeight: number): ScoredFigure {
  const offset = figure.start - figure.sentenceStart;
  const spot = scoreSpot(
    plan.concepts,
    figure.sentence,
    offset,
    figure.end - figure.sentenceStart,
    figure.sectionPath,
  );
  const base =
    0.55 * spot.clause +
    0.2 * spot.context +
    0.15 * spot.nearness +
    unitFit(figure, plan) +
    kindFit(figure, plan);
  // The same figure often repeats in a footnote; the body sentence reads better as a quote.
  const inFootnote = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(figure.sentence) ? 0.05 : 0;
  const penalty = inFootnote + (figure.target && !plan.asksTarget ? 0.25 : 0) + (figure.change ? 0.15 : 0);
  const score = (base - penalty) * (0.75 + 0.25 * hitWeight) * timeFit(figure.asOf, plan);
  // A sentence missing a quarter of what the question weighs (`người nước ngoài`) is about something else.
  const offTopic = spot.topicMissing || spot.context < MIN_CONTEXT_COVERAGE || !answersKind(figure, plan);
  return { figure, score: offTopic ? 0 : score, clause: 0.6 * spot.clause + 0.4 * spot.context };
}
