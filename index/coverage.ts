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

const syllableLists = new Map<string, string[]>();

function syllablesOf(wording: string): string[] {
  let syllables = syllableLists.get(wording);
  if (!syllables) {
    syllables = wording.split(" ");
    syllableLists.set(wording, syllables);
  }
  return syllables;
}

const wordParts = new Map<string, string[]>();

/** The letter-and-digit runs of a wording, as a text's syllable set holds them. */
function wordPartsOf(wording: string): string[] {
  let parts = wordParts.get(wording);
  if (!parts) {
    parts = wording.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    wordParts.set(wording, parts);
  }
  return parts;
}

// Superscript footnote markers may follow a word (`tuyến²`), so only letters and ASCII digits join words.
const WORD_CHARACTER = /[\p{L}0-9]/u;
// Between the syllables of a wording the text may have spaces, line breaks, hyphens, dashes or commas.
const SEPARATOR = /[\s\-–,]/u;

const isWordCharacter = (char: string | undefined) => char !== undefined && WORD_CHARACTER.test(char);

/** The end of the wording's occurrence starting at `at`, or -1 when the text does not continue with it. */
function occurrenceEnd(foldedText: string, syllables: string[], at: number): number {
  let position = at;
  for (const [index, syllable] of syllables.entries()) {
    if (index > 0) {
      const gapStart = position;
      while (position < foldedText.length && SEPARATOR.test(foldedText[position] ?? "")) position++;
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

/** Share of the phrase's syllable pairs (`cong dich`, `dich vu`, …) the folded text holds. */
export function pairShare(foldedText: string, syllables: string[]): number {
  let present = 0;
  for (let index = 0; index + 1 < syllables.length; index++) {
    if (occursIn(foldedText, `${syllables[index]} ${syllables[index + 1]}`)) present++;
  }
  return syllables.length > 1 ? present / (syllables.length - 1) : 0;
}

/**
 * A long phrase the text words differently (`cổng dịch vụ công quốc gia` vs `Cổng Dịch vụ công`) still
 * counts in part: the share of its syllable pairs the text holds, at most half the concept's weight.
 */
function partialCredit(foldedText: string, concept: Concept): number {
  const syllables = concept.wordings[0]?.split(" ") ?? [];
  if (syllables.length < 3) return 0;
  return 0.5 * pairShare(foldedText, syllables);
}

export function coverage(text: string, concepts: Concept[], foldedText = fold(text)): Coverage {
  return measure(foldedText, concepts, false);
}

/** `coverage(…).score`, without finding where: what ranking every candidate passage needs. */
export function coverageScore(text: string, concepts: Concept[], foldedText = fold(text)): number {
  return measure(foldedText, concepts, true).score;
}

function measure(foldedText: string, concepts: Concept[], firstOnly: boolean): Coverage {
  let total = 0;
  let found = 0;
  let matched = 0;
  const positions: number[] = [];
  const present: boolean[] = [];
  for (const concept of concepts) {
    total += concept.weight;
    let hit = false;
    for (const wording of concept.wordings) {
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
      found += concept.weight * partialCredit(foldedText, concept);
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

/**
 * `syllables`, when given, are the text's syllables: a wording with a syllable outside them cannot occur,
 * which a set lookup tells faster than a search through the text.
 */
export function conceptOccurrences(
  foldedText: string,
  concepts: Concept[],
  syllables?: Set<string>,
): ConceptOccurrences {
  const find = (wording: string): number[] =>
    syllables && !wordPartsOf(wording).every((part) => syllables.has(part))
      ? []
      : findWording(foldedText, wording);
  const whole = concepts.map((concept) =>
    concept.wordings.flatMap((wording) =>
      find(wording).map((at): [number, number] => [at, at + wording.length]),
    ),
  );
  const pairs = concepts.map((concept) => {
    const wordingSyllables = concept.wordings[0]?.split(" ") ?? [];
    if (wordingSyllables.length < 3) return [];
    const found: Array<Array<[number, number]>> = [];
    for (let index = 0; index + 1 < wordingSyllables.length; index++) {
      const pair = `${wordingSyllables[index]} ${wordingSyllables[index + 1]}`;
      found.push(find(pair).map((start): [number, number] => [start, start + pair.length]));
    }
    return found;
  });
  return { whole, pairs };
}

const inside = (spans: Array<[number, number]> | undefined, from: number, to: number) =>
  (spans ?? []).filter(([start, end]) => start >= from && end <= to);

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
  let total = 0;
  let found = 0;
  let matched = 0;
  const positions: number[] = [];
  const present: boolean[] = [];
  for (const at of only ?? concepts.map((_, index) => index)) {
    const concept = concepts[at];
    if (!concept) continue;
    total += concept.weight;
    const hits = inside(occurrences.whole[at], from, to);
    present.push(hits.length > 0);
    if (hits.length > 0) {
      found += concept.weight;
      matched++;
      for (const [start] of hits) positions.push(start);
      continue;
    }
    const pairs = occurrences.pairs[at] ?? [];
    if (pairs.length === 0) continue;
    const presentPairs = pairs.filter((spans) => inside(spans, from, to).length > 0).length;
    found += (concept.weight * 0.5 * presentPairs) / pairs.length;
  }
  return {
    score: total > 0 ? found / total : 0,
    matched,
    positions: positions.sort((a, b) => a - b),
    present,
  };
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
    if (inside(occurrences.whole[at], from, to).length > 0) return false;
    if (concept.required) return true;
    const pairs = occurrences.pairs[at] ?? [];
    if (pairs.length === 0) return false;
    const present = pairs.filter((spans) => inside(spans, from, to).length > 0).length;
    return present / pairs.length < 0.5;
  });
}
