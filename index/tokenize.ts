import { fold, normalizeText } from "../core/text";

/**
 * Vietnamese-aware tokens. Vietnamese writes one syllable per space-separated unit and most words are two
 * syllables (`tài khoản`, `định danh`), so a text yields its syllables plus each pair of adjacent syllables
 * (`tài_khoản`). The folded field does the same without marks (`tai_khoan`), so a question typed without
 * diacritics finds the printed words.
 *
 * Pairs never span punctuation: `Bộ Y tế, Bộ Công an` gives `y_tế` but not `tế_bộ`.
 */

// Function syllables that carry no topic on their own; pairs made only of them are dropped too.
export const STOP_SYLLABLES = new Set([
  "và",
  "của",
  "các",
  "được",
  "đã",
  "có",
  "là",
  "trong",
  "với",
  "cho",
  "này",
  "những",
  "theo",
  "để",
  "từ",
  "tại",
  "như",
  "thì",
  "một",
  "đó",
  "khi",
  "cũng",
  "do",
  "bị",
  "nhưng",
  "mà",
  "ra",
  "vào",
  "lại",
  "đang",
  "sẽ",
  "rằng",
  "hay",
  "hoặc",
  "nên",
  "vì",
  "nếu",
  "còn",
  "về",
  "đến",
  "trên",
]);

// Folding merges stop syllables with content ones (`tại`/`tài`, `có`/`cơ`), so the folded field keeps
// every syllable and only skips pairs of two stop syllables.
export const FOLDED_STOP_SYLLABLES = new Set([...STOP_SYLLABLES].map(fold));

/** A number keeps its dots and commas (`1.900.482.958`, `87,9`); everything else splits on non-letters. */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:\p{N}+)?/gu;
// Dots and commas break a segment unless they sit inside a number.
const SEGMENT_BREAK = /(?<!\p{N})[.,]|[.,](?!\p{N})|[;:!?()[\]{}"“”‘’«»…/\\|\n–—•]|\s-\s/u;

export interface TokenFields {
  /** Syllables and syllable pairs as printed (lowercase NFC). */
  exact: string[];
  /** The same without marks. */
  folded: string[];
}

function segmentTokens(segment: string): string[] {
  return (segment.match(TOKEN) ?? []).map((token) => token.toLowerCase());
}

/** The syllables the index keeps for a folded wording (`mang 5g` → `mang`, `5`, `g`): look terms up by these. */
export function indexSyllables(wording: string): string[] {
  return segmentTokens(wording);
}

/** The index keeps every pair of adjacent syllables but two function syllables together (`mot_cua`). */
const keepsPair = (stop: Set<string>, first: string, second: string) =>
  !(stop.has(first) && stop.has(second));

/**
 * The syllable pairs the folded field keeps for a folded wording (`bo phan mot cua`: no `mot_cua`), within
 * its segments as the index splits them (`02 kh/bcdtw` has `02_kh`, and no `kh_bcdtw`).
 */
export function indexedPairs(wording: string): string[] {
  const pairs: string[] = [];
  for (const segment of wording.split(SEGMENT_BREAK)) {
    const syllables = segmentTokens(segment);
    for (let index = 0; index + 1 < syllables.length; index++) {
      const first = syllables[index] ?? "";
      const second = syllables[index + 1] ?? "";
      if (keepsPair(FOLDED_STOP_SYLLABLES, first, second)) pairs.push(`${first}_${second}`);
    }
  }
  return pairs;
}

function withPairs(syllables: string[][], stop: Set<string>, keepStopSyllables: boolean): string[] {
  const terms: string[] = [];
  for (const segment of syllables) {
    for (let index = 0; index < segment.length; index++) {
      const syllable = segment[index] ?? "";
      if (keepStopSyllables || !stop.has(syllable)) terms.push(syllable);
      const next = segment[index + 1];
      if (next !== undefined && keepsPair(stop, syllable, next)) terms.push(`${syllable}_${next}`);
    }
  }
  return terms;
}

/** Splits into punctuation-free segments of lowercase syllables. */
export function syllableSegments(text: string): string[][] {
  const clean = normalizeText(text).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾]/g, " ");
  return clean
    .split(SEGMENT_BREAK)
    .map(segmentTokens)
    .filter((segment) => segment.length > 0);
}

export function tokenize(text: string): TokenFields {
  const segments = syllableSegments(text);
  const foldedSegments = segments.map((segment) => segment.map(fold));
  return {
    exact: withPairs(segments, STOP_SYLLABLES, false),
    folded: withPairs(foldedSegments, FOLDED_STOP_SYLLABLES, true),
  };
}
