import { fold } from "../core/text";

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
