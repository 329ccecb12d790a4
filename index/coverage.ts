import { remember } from "../core/memo";
import { fold } from "../core/text";
import type { Concept } from "./query";

/**
 * How much of a question a piece of text answers: the weighted share of the question's concepts it
 * contains, and where. Matching is on folded text (no marks), with offsets into the original.
 */
export interface Coverage {
  /** 0..1: the weight of matched concepts over the weight of all concepts. */
  score: number;
  matched: number;
  /** Start offsets of every matched wording in the text. */
  positions: number[];
  /** For each concept, whether one of its wordings is in the text. */
  present: boolean[];
}

// Wordings come from the glossary and from questions: the memos are bounded, whatever users type.
const MEMO_LIMIT = 50_000;

const syllableLists = new Map<string, string[]>();

/** A folded wording's syllables (split once: every candidate of every question asks again). */
export function syllablesOf(wording: string): string[] {
  return syllableLists.get(wording) ?? remember(syllableLists, wording, wording.split(" "), MEMO_LIMIT);
}

// Superscript footnote markers may follow a word (`tuyến²`), so only letters and ASCII digits join words.
const WORD_CHARACTER = /[\p{L}0-9]/u;
// Between the syllables of a wording the text may have spaces, line breaks, hyphens, dashes or commas.
const SEPARATOR = /[\s\-–,]/u;

// Folded text is mostly ASCII: a character code answers most tests without the Unicode regex.
function isWordCharacter(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHARACTER.test(char);
}

function isSeparator(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code === 32) return true;
  // The ASCII separators are whitespace (below 33), "," (44) and "-" (45): none lies above 45.
  if (code < 128 && code > 45) return false;
  return SEPARATOR.test(char);
}

/** The end of the wording's occurrence starting at `at`, or -1 when the text does not continue with it. */
function occurrenceEnd(foldedText: string, syllables: string[], at: number): number {
  let position = at;
  for (const [index, syllable] of syllables.entries()) {
    if (index > 0) {
      const gapStart = position;
      while (position < foldedText.length && isSeparator(foldedText[position])) position++;
      if (position === gapStart) return -1;
    }
    if (!foldedText.startsWith(syllable, position)) return -1;
    position += syllable.length;
  }
  return isWordCharacter(foldedText[position]) ? -1 : position;
}

/**
 * Offsets of every occurrence of a folded wording in the folded text, as whole words, whatever separates
 * its syllables (or of the first only, for a caller that needs to know whether it occurs). Plain substring
 * searches do the work: this runs for every candidate passage.
 */
export function findWording(foldedText: string, wording: string, firstOnly = false): number[] {
  const syllables = syllablesOf(wording);
  for (const syllable of syllables) if (!foldedText.includes(syllable)) return [];
  const first = syllables[0] ?? "";
  const found: number[] = [];
  for (let at = foldedText.indexOf(first); at !== -1; at = foldedText.indexOf(first, at + 1)) {
    if (!isWordCharacter(foldedText[at - 1]) && occurrenceEnd(foldedText, syllables, at) !== -1) {
      found.push(at);
      if (firstOnly) break;
    }
  }
  return found;
}

/** Whether the folded wording occurs in the folded text as whole words. */
export function occursIn(foldedText: string, wording: string): boolean {
  return findWording(foldedText, wording, true).length > 0;
}

const conceptPairs = new WeakMap<Concept, string[]>();

/** The syllable pairs of a long concept's first wording (`cong dich`, `dich vu`, …); none for a short one. */
function pairsOf(concept: Concept): string[] {
  let pairs = conceptPairs.get(concept);
  if (!pairs) {
    const syllables = syllablesOf(concept.wordings[0] ?? "");
    pairs = [];
    if (syllables.length >= 3)
      for (let index = 0; index + 1 < syllables.length; index++)
        pairs.push(`${syllables[index]} ${syllables[index + 1]}`);
    conceptPairs.set(concept, pairs);
  }
  return pairs;
}

/**
 * Whether a text holds a word as a whole word (a run of letters and ASCII digits, as `findWording` bounds
 * words): a wording with a word the text lacks cannot occur in it, which a lookup tells faster than a search.
 */
export type HasWord = (word: string) => boolean;

const NOT_WORD = /[^\p{L}0-9]+/u;

/** The words of a folded text, as `HasWord` means them. */
export function wordsIn(foldedText: string): string[] {
  return foldedText.split(NOT_WORD).filter(Boolean);
}

const wordingWords = new Map<string, string[]>();

function mayOccur(wording: string, hasWord: HasWord | undefined): boolean {
  if (!hasWord) return true;
  const words = wordingWords.get(wording) ?? remember(wordingWords, wording, wordsIn(wording), MEMO_LIMIT);
  return words.every(hasWord);
}

/**
 * Share of a long concept's syllable pairs (`cong dich`, `dich vu`, …) the folded text holds; undefined
 * for a concept of fewer than three syllables, which has no pairs to tell it apart.
 */
export function pairShare(foldedText: string, concept: Concept, hasWord?: HasWord): number | undefined {
  const pairs = pairsOf(concept);
  if (pairs.length === 0) return undefined;
  let present = 0;
  for (const pair of pairs) if (mayOccur(pair, hasWord) && occursIn(foldedText, pair)) present++;
  return present / pairs.length;
}

/**
 * A long phrase the text words differently (`cổng dịch vụ công quốc gia` vs `Cổng Dịch vụ công`) still
 * counts in part: the share of its syllable pairs the text holds, at most half the concept's weight.
 */
function partialCredit(foldedText: string, concept: Concept, hasWord?: HasWord): number {
  return 0.5 * (pairShare(foldedText, concept, hasWord) ?? 0);
}

export function coverage(text: string, concepts: Concept[], foldedText = fold(text)): Coverage {
  return measure(foldedText, concepts, false);
}

/** `coverage(…).score`, without finding where: what ranking every candidate passage needs. */
export function coverageScore(
  text: string,
  concepts: Concept[],
  foldedText = fold(text),
  hasWord?: HasWord,
): number {
  return measure(foldedText, concepts, true, hasWord).score;
}

function measure(foldedText: string, concepts: Concept[], firstOnly: boolean, hasWord?: HasWord): Coverage {
  let total = 0;
  let found = 0;
  let matched = 0;
  const positions: number[] = [];
  const present: boolean[] = [];
  for (const concept of concepts) {
    total += concept.weight;
    let hit = false;
    for (const wording of concept.wordings) {
      if (!mayOccur(wording, hasWord)) continue;
      const at = findWording(foldedText, wording, firstOnly);
      if (at.length > 0) {
        hit = true;
        positions.push(...at);
        if (firstOnly) break;
      }
    }
    present.push(hit);
    if (hit) {
      found += concept.weight;
      matched++;
    } else {
      found += concept.weight * partialCredit(foldedText, concept, hasWord);
    }
  }
  return {
    score: total > 0 ? found / total : 0,
    matched,
    positions: positions.sort((a, b) => a - b),
    present,
  };
}

/**
 * Where each of a question's concepts occurs in one text, found once, so that the coverage of any part
 * of the text (a clause, a window around a figure, the words before it) is a lookup, not a new search.
 */
export interface ConceptOccurrences {
  /** Per concept: [start, end) of every occurrence of any of its wordings. */
  whole: Array<Array<[number, number]>>;
  /** Per concept of three or more syllables: for each syllable pair of its first wording, its occurrences. */
  pairs: Array<Array<Array<[number, number]>>>;
}

/** Where each wording of each concept, and each syllable pair of its first wording, starts in one text. */
export interface WordingStarts {
  /** Per concept, per wording: start offsets. */
  whole: number[][][];
  /** Per concept of three or more syllables, per syllable pair of its first wording: start offsets. */
  pairs: number[][][];
}

export function wordingStarts(foldedText: string, concepts: Concept[]): WordingStarts {
  return {
    whole: concepts.map((concept) => concept.wordings.map((wording) => findWording(foldedText, wording))),
    pairs: concepts.map((concept) => pairsOf(concept).map((pair) => findWording(foldedText, pair))),
  };
}

/**
 * Occurrences of the concepts in a text made of pieces joined by line breaks (a sentence read with its
 * heading and the sentences before it), from the starts found in each piece: pieces recur from sentence to
 * sentence, so a caller may remember each piece's starts. A wording is not looked for across two pieces.
 */
export function occurrencesInPieces(
  pieces: string[],
  concepts: Concept[],
  startsIn: (piece: string) => WordingStarts,
): ConceptOccurrences {
  const pairWordings = concepts.map(pairsOf);
  const whole = concepts.map(() => [] as Array<[number, number]>);
  const pairs = pairWordings.map((list) => list.map(() => [] as Array<[number, number]>));
  let offset = 0;
  for (const piece of pieces) {
    const starts = startsIn(piece);
    for (let at = 0; at < concepts.length; at++) {
      const wordings = concepts[at]?.wordings ?? [];
      for (let which = 0; which < wordings.length; which++) {
        const length = wordings[which]?.length ?? 0;
        for (const start of starts.whole[at]?.[which] ?? [])
          whole[at]?.push([offset + start, offset + start + length]);
      }
      const pairList = pairs[at] ?? [];
      for (let which = 0; which < pairList.length; which++) {
        const length = pairWordings[at]?.[which]?.length ?? 0;
        for (const start of starts.pairs[at]?.[which] ?? [])
          pairList[which]?.push([offset + start, offset + start + length]);
      }
    }
    offset += piece.length + 1;
  }
  return { whole, pairs };
}

/** Occurrences of the concepts in one text (see `occurrencesInPieces`). */
export function conceptOccurrences(foldedText: string, concepts: Concept[]): ConceptOccurrences {
  return occurrencesInPieces([foldedText], concepts, (piece) => wordingStarts(piece, concepts));
}

/** Whether one of the spans lies inside [from, to): a loop, not a filter, as it runs for every candidate. */
function anyInside(spans: Array<[number, number]> | undefined, from: number, to: number): boolean {
  if (!spans) return false;
  for (const [start, end] of spans) if (start >= from && end <= to) return true;
  return false;
}

/** How many of a concept's syllable pairs have an occurrence inside [from, to). */
function pairsInside(pairs: Array<Array<[number, number]>>, from: number, to: number): number {
  let present = 0;
  for (const spans of pairs) if (anyInside(spans, from, to)) present++;
  return present;
}

/**
 * Coverage of the part [from, to) of the text the occurrences were found in, by the concepts whose
 * indexes are given (all when omitted): the same measure as `coverage` on that part.
 */
export function coverageWithin(
  occurrences: ConceptOccurrences,
  concepts: Concept[],
  from: number,
  to: number,
  only?: number[],
): Coverage {
  const found: Coverage = { score: 0, matched: 0, positions: [], present: [] };
  found.score = measureWithin(occurrences, concepts, from, to, only, found);
  if (found.positions.length > 1) found.positions.sort((a, b) => a - b);
  return found;
}

/** `coverageWithin(…).score`, without saying where: what most features need, for every candidate. */
export function scoreWithin(
  occurrences: ConceptOccurrences,
  concepts: Concept[],
  from: number,
  to: number,
  only?: number[],
): number {
  return measureWithin(occurrences, concepts, from, to, only);
}

function measureWithin(
  occurrences: ConceptOccurrences,
  concepts: Concept[],
  from: number,
  to: number,
  only: number[] | undefined,
  detail?: Coverage,
): number {
  let total = 0;
  let found = 0;
  const count = only ? only.length : concepts.length;
  for (let index = 0; index < count; index++) {
    const at = only ? (only[index] ?? -1) : index;
    const concept = concepts[at];
    if (!concept) continue;
    total += concept.weight;
    let hit = false;
    for (const [start, end] of occurrences.whole[at] ?? []) {
      if (start < from || end > to) continue;
      hit = true;
      if (!detail) break;
      detail.positions.push(start);
    }
    detail?.present.push(hit);
    if (hit) {
      found += concept.weight;
      if (detail) detail.matched++;
      continue;
    }
    const pairs = occurrences.pairs[at] ?? [];
    if (pairs.length > 0) found += (concept.weight * 0.5 * pairsInside(pairs, from, to)) / pairs.length;
  }
  return total > 0 ? found / total : 0;
}

/**
 * A long phrase of the question (`trung tâm dữ liệu quốc gia`) mostly absent from [from, to), or a name
 * the question gives absent altogether: the text talks about something else.
 */
export function topicMissingWithin(
  occurrences: ConceptOccurrences,
  concepts: Concept[],
  from: number,
  to: number,
): boolean {
  return concepts.some((concept, at) => {
    if (anyInside(occurrences.whole[at], from, to)) return false;
    if (concept.required) return true;
    const pairs = occurrences.pairs[at] ?? [];
    return pairs.length > 0 && pairsInside(pairs, from, to) / pairs.length < 0.5;
  });
}
