import { findBodies } from "../core/bodies";
import { placesIn } from "../core/places";
import { fold } from "../core/text";
import { glossaryData } from "../index/glossary";

/**
 * "… tiết kiệm khoảng bao nhiêu tiền, và giúp tiết kiệm bao nhiêu mỗi năm nhờ …?": two figures asked in
 * one question, which the reports may print in two sentences. Split at the conjunction before the second
 * question word, each part answers one figure; the second part keeps the words before the first question
 * word (the subject, the report named: "According to the Procuracy slides, …").
 */
const ASKS_FIGURE = /\b(?:bao nhieu|bn|how many|how much|what share|what percentage|what proportion)\b/g;
const JOIN = /(?:,\s*(?:va|and)\s|;\s*|\s(?:va|and)\s)(?!.*(?:,\s*(?:va|and)\s|;\s*|\s(?:va|and)\s))/;
const MIN_PART = 8;

export function splitAsked(question: string): [string, string] | undefined {
  const folded = fold(question);
  const asks = [...folded.matchAll(ASKS_FIGURE)].map((match) => match.index ?? 0);
  if (asks.length !== 2) return undefined;
  const [first = 0, second = 0] = asks;
  // The last "và", "and" or ";" between the two question words.
  const join = folded.slice(first, second).match(JOIN);
  if (!join || join.index === undefined) return undefined;
  const joinStart = first + join.index;
  const rest = question.slice(joinStart + join[0].length).trim();
  if (rest.length < MIN_PART) return undefined;
  const lead = question.slice(0, first).trim();
  const firstPart = `${question.slice(0, joinStart).replace(/[\s,;]+$/, "")}?`;
  const secondPart = `${lead ? `${lead} ` : ""}${rest}`.replace(/\?*$/, "?");
  return [firstPart, secondPart];
}

const MAX_NAME_WORDS = 4;

/** A body, a place or an acronym the glossary knows ("ttxvn", "Bộ Y tế", "Hà Nội"). */
function isName(phrase: string): boolean {
  const folded = fold(phrase).trim();
  const acronym = glossaryData().acronyms.some((entry) => fold(entry.short) === folded);
  const body = findBodies(phrase).some((mention) => mention.end - mention.start >= phrase.trim().length - 1);
  return (
    acronym ||
    body ||
    placesIn(phrase).some((place) => folded.endsWith(fold(place)) || fold(place).endsWith(folded))
  );
}

/**
 * "ttxvn va vtv da dua bn tin bai ve de an 06": one figure asked of two names joined by "và"/"and" at the
 * question's start, which the reports give one by one. Split into the question asked of each name.
 */
export function splitNamed(question: string): [string, string] | undefined {
  const folded = fold(question);
  if ([...folded.matchAll(ASKS_FIGURE)].length !== 1) return undefined;
  const words = question.trim().split(/\s+/);
  const join = words.findIndex((word) => /^(?:và|va|and)$/i.test(word));
  if (join < 1 || join > MAX_NAME_WORDS) return undefined;
  const first = words.slice(0, join).join(" ");
  if (!isName(first)) return undefined;
  // The second name is the shortest run of words after "và" that names something.
  for (let end = join + 2; end <= join + 1 + MAX_NAME_WORDS && end < words.length; end++) {
    const second = words.slice(join + 1, end).join(" ");
    if (isName(second)) {
      const rest = words.slice(end).join(" ");
      return [`${first} ${rest}`, `${second} ${rest}`];
    }
  }
  return undefined;
}
