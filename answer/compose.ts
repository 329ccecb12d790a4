import type { QueryPlan } from "../index/query";
import type { AnswerDeadline, AnswerDeps, AnswerFigure } from "./answer-types";
import type { CitationList, QuoteSpot } from "./citations";
import type { RankedCandidate } from "./rank";
import type { Lang } from "./wording";

/** What every composer gets: the question read, the ranked candidates, and where citations go. */
export interface Context {
  deps: AnswerDeps;
  plan: QueryPlan;
  lang: Lang;
  today: string;
  citations: CitationList;
  /** The candidates the question admits, best first. */
  ranked: RankedCandidate[];
  /** Every candidate found, admitted or not, best first: the closest passages of a refusal. */
  considered: RankedCandidate[];
}

/** An answer's lines and structured parts, before it is checked for grounding. */
export interface Composition {
  lines: string[];
  figures: AnswerFigure[];
  deadlines: AnswerDeadline[];
  /** Derived values the answer may print besides the quotes (normalized due dates, today). */
  derived: string[];
}

/** Quotes in answers are long enough to hold a whole clause list, short enough for a phone screen. */
export const QUOTE_LIMIT = 500;

export function spotOf(item: QuoteSpot): QuoteSpot {
  return {
    docId: item.docId,
    sentence: item.sentence,
    sentenceStart: item.sentenceStart,
    sectionPath: item.sectionPath,
    ...(item.page !== undefined ? { page: item.page } : {}),
  };
}
