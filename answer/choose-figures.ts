import type { Figure } from "../core/types";
import { coverage } from "../index/coverage";
import type { QueryPlan } from "../index/query";
import { type SearchHit, timeFit } from "../index/search";
import { scoreSpot } from "./score-passage";

/**
 * Picks the figure that answers a question and the older values of the same metric from other reports.
 * Every candidate is a figure the ingest extracted, so whatever is picked is quoted as printed.
 */
export interface ScoredFigure {
  figure: Figure;
  score: number;
  /** How much of the question the figure's clause and sentence hold (0..1). */
  clause: number;
}

export interface FigureChoice {
  lead: ScoredFigure;
  /** The same metric in other reports, newest first. */
  timeline: ScoredFigure[];
  /** Further figures when the question asks for several. */
  more: ScoredFigure[];
}

/** Below this share of the question found in the figure's clause, the figure does not answer it. */
export const MIN_CLAUSE_COVERAGE = 0.6;
const MIN_CONTEXT_COVERAGE = 0.65;
/** Candidates within this share of the best score count as the same metric for the timeline. */
const SAME_METRIC = 0.8;

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
  return 0.3 * coverage(figure.unit, plan.concepts).score;
}

function givenByQuestion(figure: Figure, plan: QueryPlan): boolean {
  return plan.givenNumbers.some((number) => figure.text.includes(number));
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

function candidatesOf(plan: QueryPlan, hits: SearchHit[]): ScoredFigure[] {
  const best = hits[0]?.score ?? 1;
  const seen = new Set<string>();
  const scored: ScoredFigure[] = [];
  for (const hit of hits) {
    for (const figure of hit.figures) {
      if (seen.has(figure.id) || givenByQuestion(figure, plan)) continue;
      seen.add(figure.id);
      scored.push(scoreFigure(figure, plan, hit.score / best));
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** Best candidate per document among those close enough to the best overall. */
function bestPerDocument(candidates: ScoredFigure[], threshold: number): ScoredFigure[] {
  const perDocument = new Map<string, ScoredFigure>();
  for (const candidate of candidates) {
    if (candidate.score < threshold || candidate.clause < MIN_CLAUSE_COVERAGE) continue;
    if (!perDocument.has(candidate.figure.docId)) perDocument.set(candidate.figure.docId, candidate);
  }
  return [...perDocument.values()];
}

const newestFirst = (a: ScoredFigure, b: ScoredFigure) =>
  b.figure.asOf.localeCompare(a.figure.asOf) || b.score - a.score;

export function chooseFigures(plan: QueryPlan, hits: SearchHit[]): FigureChoice | undefined {
  const candidates = candidatesOf(plan, hits);
  const best = candidates[0];
  if (!best || best.clause < MIN_CLAUSE_COVERAGE || best.score <= 0) return undefined;
  const sameMetric = bestPerDocument(
    candidates.filter((candidate) => candidate.figure.kind === best.figure.kind),
    best.score * SAME_METRIC,
  );
  // A named document decides the lead; otherwise the newest report within the asked time leads.
  const inTime = sameMetric.filter((candidate) => timeFit(candidate.figure.asOf, plan) === 1);
  const lead = plan.docIds.length > 0 ? best : ([...inTime].sort(newestFirst)[0] ?? best);
  const timeline = sameMetric
    .filter((candidate) => candidate.figure.docId !== lead.figure.docId)
    .sort(newestFirst);
  const more = plan.wantsSeveral
    ? candidates
        .filter(
          (candidate) =>
            candidate !== lead &&
            candidate.figure.docId === lead.figure.docId &&
            candidate.clause >= MIN_CLAUSE_COVERAGE,
        )
        .slice(0, 2)
    : [];
  return { lead, timeline, more };
}
