import { endOfIsoPeriod } from "../../core/dates";
import { NUMBER_PATTERN, parseVietnameseNumber, readScaleWord, scaleValue } from "../../core/numbers";
import { fold, normalizeText } from "../../core/text";
import type { Candidate } from "../candidates";

/**
 * Which candidates answer a question whose answer is known: a graded question (`dev.jsonl`) or a
 * question generated from an index item. Labels follow how answers are graded: a figure must carry an
 * expected number, a date or deadline the expected period, a sentence the expected words; and every
 * positive must stand in the sentence the answer was taken from.
 */
export interface Gold {
  kind: "figure" | "deadline" | "date" | "fact" | "unanswerable";
  /** Expected numbers (normalized values). */
  numbers: number[];
  /** Expected answer texts; dates in canonical form (`2024-Q1`, `2025-03`, `2025-07-01`, `2025`). */
  answers: string[];
  /** A verbatim fragment of the sentence that holds the answer. */
  quote: string;
}

const comparable = (text: string) =>
  fold(normalizeText(text))
    .replace(/[*_⁰¹²³⁴⁵⁶⁷⁸⁹]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The sentence holds a long enough run of the quote (the grader's rule for "cites the expected passage"). */
export function holdsQuote(quote: string, sentence: string): boolean {
  const wanted = comparable(quote);
  const text = comparable(sentence);
  if (!wanted) return false;
  const need = Math.min(25, Math.floor(wanted.length / 2));
  if (need === 0) return text.includes(wanted);
  for (let at = 0; at + need <= wanted.length; at += 3) {
    if (text.includes(wanted.slice(at, at + need))) return true;
  }
  return false;
}

const PRINTED_NUMBER = new RegExp(`(?<![\\d.,])(${NUMBER_PATTERN})`, "gu");

/** Every number a text prints, with and without its scale word (`87,9 triệu` gives 87,9 and 87 900 000). */
export function printedNumbers(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(PRINTED_NUMBER)) {
    const value = parseVietnameseNumber(match[1] ?? "");
    if (value === undefined) continue;
    found.push(value);
    const scale = readScaleWord(text.slice((match.index ?? 0) + match[0].length).trimStart());
    if (scale) found.push(scaleValue(value, scale.factor));
  }
  return found;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

const CANONICAL_DATE = /^\d{4}(?:-Q[1-4]|-\d{2}(?:-\d{2})?)?$/;

/** Canonical forms of a period, the way expected answers write them. */
export function canonicalForms(iso: string): string[] {
  // A range `2022/2025` answers as its end year.
  const last = iso.includes("/") ? (iso.split("/").at(-1) ?? iso) : iso;
  const forms = new Set([last]);
  const end = endOfIsoPeriod(last);
  if (/^\d{4}-Q[1-4]$/.test(last) || /^\d{4}$/.test(last)) forms.add(last);
  if (/^\d{4}-\d{2}-\d{2}$/.test(last)) forms.add(last);
  if (/^\d{4}-\d{2}$/.test(last)) forms.add(last);
  forms.add(end.slice(0, 4));
  return [...forms];
}

export function dueForms(candidate: Pick<Candidate, "date" | "deadline">): string[] {
  if (candidate.date) return canonicalForms(candidate.date.iso);
  const deadline = candidate.deadline;
  if (!deadline) return [];
  const { dueDate, precision } = deadline;
  const year = dueDate.slice(0, 4);
  const month = Number(dueDate.slice(5, 7));
  const byPrecision: Record<string, string> = {
    day: dueDate,
    month: dueDate.slice(0, 7),
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    half: year,
    year,
  };
  return [byPrecision[precision] ?? year];
}

/** A number few sentences print by chance: four or more digits, or a decimal part. */
const distinctive = (value: number) => Math.abs(value) >= 1000 || !Number.isInteger(value);

function datesMatch(forms: string[], dates: string[]): boolean {
  // The exact period first; a coarser expected answer (a year) accepts any date inside it.
  return forms.some((form) => dates.includes(form)) || dates.some((date) => forms[0]?.startsWith(date));
}

/**
 * Whether this candidate, composed into an answer, answers the question. It must stand in the sentence
 * the answer was taken from — or, within the same report, print the same distinctive number or the
 * expected name, as a repeated sentence or a footnote does.
 */
export function answersGold(
  gold: Gold,
  candidate: Candidate,
  docId = "",
  continuations: string[] = [],
): boolean {
  if (gold.kind === "unanswerable") return false;
  const sentence = candidate.sentence.spot.sentence;
  // A date taken from the heading is quoted with it.
  const quoted = candidate.fromHeading
    ? `${candidate.sentence.spot.sectionPath.at(-1) ?? ""}\n${sentence}`
    : sentence;
  const inQuote = holdsQuote(gold.quote, quoted);
  const sameReport = docId !== "" && candidate.sentence.spot.docId === docId;
  const dates = gold.answers.filter((answer) => CANONICAL_DATE.test(answer));
  switch (gold.kind) {
    case "figure": {
      const figure = candidate.figure;
      if (figure) {
        const matches = figure.values.filter((value) =>
          gold.numbers.some((number) => sameNumber(number, value)),
        );
        return matches.length > 0 && (inQuote || (sameReport && matches.some(distinctive)));
      }
      // A sentence answers a figure question only when it prints every expected number and none of its
      // figures carries one (the number was not extracted as a figure).
      if (candidate.kind !== "sentence" || !inQuote) return false;
      const printed = printedNumbers(sentence);
      return (
        gold.numbers.every((number) => printed.some((value) => sameNumber(number, value))) &&
        !candidate.sentence.figures.some((other) =>
          other.values.some((value) => gold.numbers.some((number) => sameNumber(number, value))),
        )
      );
    }
    case "deadline":
    case "date": {
      if (!inQuote) return false;
      if (candidate.kind === "date" || candidate.kind === "deadline")
        return datesMatch(dueForms(candidate), dates);
      // A sentence answers with the dates it prints, when no date of its own was read as the answer.
      return (
        candidate.kind === "sentence" &&
        candidate.sentence.dates.length === 0 &&
        candidate.sentence.deadlines.length === 0 &&
        dates.some((date) => comparable(sentence).includes(date.slice(0, 4)))
      );
    }
    case "fact": {
      if (candidate.kind !== "sentence") return false;
      // A sentence answer also quotes the list its ":" opens and its footnotes: what they hold, it answers.
      const text = comparable([sentence, ...continuations].join(" "));
      return (
        inQuote ||
        continuations.some((more) => holdsQuote(gold.quote, more)) ||
        (sameReport && gold.answers.some((answer) => answer.length >= 4 && text.includes(comparable(answer))))
      );
    }
  }
}
