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
}

const patterns = new Map<string, RegExp>();
const syllableLists = new Map<string, string[]>();

function syllablesOf(wording: string): string[] {
  let syllables = syllableLists.get(wording);
  if (!syllables) {
    syllables = wording.split(" ");
    syllableLists.set(wording, syllables);
  }
  return syllables;
}

function patternFor(wording: string): RegExp {
  let pattern = patterns.get(wording);
  if (!pattern) {
    const body = wording
      .split(" ")
      .map((syllable) => syllable.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
      .join(String.raw`[\s\-–,]+`);
    // Superscript footnote markers may follow a word (`tuyến²`), so only ASCII digits and letters block a boundary.
    pattern = new RegExp(String.raw`(?<![\p{L}0-9])${body}(?![\p{L}0-9])`, "gu");
    patterns.set(wording, pattern);
  }
  return pattern;
}

/** Offsets of every occurrence of a folded wording in the folded text. */
export function findWording(foldedText: string, wording: string): number[] {
  // Most texts lack one of the wording's syllables: plain substring tests skip the regular expression.
  for (const syllable of syllablesOf(wording)) if (!foldedText.includes(syllable)) return [];
  const pattern = patternFor(wording);
  pattern.lastIndex = 0;
  return [...foldedText.matchAll(pattern)].map((match) => match.index ?? 0);
}

/**
 * A long phrase the text words differently (`cổng dịch vụ công quốc gia` vs `Cổng Dịch vụ công`) still
 * counts in part: the share of its syllable pairs the text holds, at most half the concept's weight.
 */
function partialCredit(foldedText: string, concept: Concept): number {
  const syllables = concept.wordings[0]?.split(" ") ?? [];
  if (syllables.length < 3) return 0;
  let present = 0;
  for (let index = 0; index + 1 < syllables.length; index++) {
    if (findWording(foldedText, `${syllables[index]} ${syllables[index + 1]}`).length > 0) present++;
  }
  return (0.5 * present) / (syllables.length - 1);
}

export function coverage(text: string, concepts: Concept[], foldedText = fold(text)): Coverage {
  let total = 0;
  let found = 0;
  let matched = 0;
  const positions: number[] = [];
  for (const concept of concepts) {
    total += concept.weight;
    let hit = false;
    for (const wording of concept.wordings) {
      const at = findWording(foldedText, wording);
      if (at.length > 0) {
        hit = true;
        positions.push(...at);
      }
    }
    if (hit) {
      found += concept.weight;
      matched++;
    } else {
      found += concept.weight * partialCredit(foldedText, concept);
    }
  }
  return { score: total > 0 ? found / total : 0, matched, positions: positions.sort((a, b) => a - b) };
}
