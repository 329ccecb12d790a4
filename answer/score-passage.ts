import { remember } from "../core/memo";
import { fold } from "../core/text";
import { type Coverage, coverage, occursIn, pairShare } from "../index/coverage";
import type { Concept } from "../index/query";

/**
 * How well one spot of a sentence (a figure, a date) answers a question: the concepts in its clause
 * count most, those elsewhere in the sentence or in the section heading less, and closeness helps.
 * Used to pick figures, deadlines and dates alike, so they agree on what "relevant" means.
 */
export interface SpotScore {
  /** Weighted share of the question's concepts in the clause around the spot (0..1). */
  clause: number;
  /** The same over the whole sentence and its section heading (0..1). */
  context: number;
  /** 1 when a concept sits right next to the spot, falling towards 0 with distance. */
  nearness: number;
  /** A long phrase of the question (`trung tâm dữ liệu quốc gia`) is mostly absent from the sentence and heading. */
  topicMissing: boolean;
  /** Clause bounds inside the sentence. */
  clauseStart: number;
  clauseEnd: number;
}

// A colon stays inside the clause: `Công an tỉnh: chủ trì 11 dịch vụ công` names whose figure it is.
// `…116 nghìn tỷ đồng, trong đó, 8.687 tỷ đồng thuế từ…`: a part after "trong đó" is its own clause.
const CLAUSE_BREAK = /[;\n»•]|\.\s|\s[-–]\s|,\s*trong đó(?=[\s,:])/gu;

// Every candidate of a sentence asks for its clause: the breaks of recent sentences are kept.
const breaksCache = new Map<string, number[]>();
const BREAKS_CACHE_LIMIT = 10_000;

/** Start and end offsets of each clause break in the sentence, in order. */
function clauseBreaks(sentence: string): number[] {
  let breaks = breaksCache.get(sentence);
  if (!breaks) {
    breaks = [];
    for (const match of sentence.matchAll(CLAUSE_BREAK))
      breaks.push(match.index, match.index + match[0].length);
    remember(breaksCache, sentence, breaks, BREAKS_CACHE_LIMIT);
  }
  return breaks;
}

/** The clause of `sentence` holding `offset`: bounded by semicolons, line breaks, bullets and dashes. */
export function clauseAround(sentence: string, offset: number): { start: number; end: number } {
  let start = 0;
  const breaks = clauseBreaks(sentence);
  for (let at = 0; at < breaks.length; at += 2) {
    const breakStart = breaks[at] as number;
    if (breakStart >= offset) return { start, end: breakStart };
    start = breaks[at + 1] as number;
  }
  return { start, end: sentence.length };
}

/**
 * Phrases of three or more syllables name what the question is about; a sentence holding fewer than half
 * of such a phrase's syllable pairs talks about something else, however many small words it shares.
 */
export function topicMissing(concepts: Concept[], foldedContext: string): boolean {
  return concepts.some((concept) => {
    if (concept.wordings.some((wording) => occursIn(foldedContext, wording))) return false;
    if (concept.required) return true;
    const share = pairShare(foldedContext, concept);
    return share !== undefined && share < 0.5;
  });
}

interface ContextScore {
  inContext: Coverage;
  topicIsMissing: boolean;
}

// Several figures and dates share a sentence; within one question their context is scored once.
const contextCache = new WeakMap<Concept[], Map<string, ContextScore>>();

function contextOf(concepts: Concept[], sentence: string, heading: string): ContextScore {
  let cache = contextCache.get(concepts);
  if (!cache) {
    cache = new Map();
    contextCache.set(concepts, cache);
  }
  const key = `${heading}\n${sentence}`;
  let found = cache.get(key);
  if (!found) {
    const foldedContext = fold(key);
    found = {
      inContext: coverage("", concepts, foldedContext),
      topicIsMissing: topicMissing(concepts, foldedContext),
    };
    cache.set(key, found);
  }
  return found;
}

export function scoreSpot(
  concepts: Concept[],
  sentence: string,
  spotStart: number,
  spotEnd: number,
  sectionPath: string[] = [],
): SpotScore {
  const foldedSentence = fold(sentence);
  const { start, end } = clauseAround(sentence, spotStart);
  const clauseFolded = foldedSentence.slice(start, end);
  const inClause = coverage("", concepts, clauseFolded);
  const { inContext, topicIsMissing } = contextOf(concepts, sentence, sectionPath.at(-1) ?? "");
  let nearest = Number.POSITIVE_INFINITY;
  for (const position of inClause.positions) {
    const at = position + start;
    const distance = at >= spotEnd ? at - spotEnd : at < spotStart ? spotStart - at : 0;
    nearest = Math.min(nearest, distance);
  }
  return {
    clause: inClause.score,
    context: inContext.score,
    nearness: Number.isFinite(nearest) ? Math.exp(-nearest / 60) : 0,
    topicMissing: topicIsMissing,
    clauseStart: start,
    clauseEnd: end,
  };
}
