import { type DateMention, findDates } from "../core/dates";

/**
 * `findDates` for the sentence being read: every figure of a sentence asks for its dates, so the last
 * sentence's dates are kept rather than found again for each.
 */
let last: { text: string; dates: DateMention[] } | undefined;

export function datesIn(sentence: string): DateMention[] {
  if (last?.text !== sentence) last = { text: sentence, dates: findDates(sentence) };
  return last.dates;
}
