import { fold } from "../core/text";
import type { Figure } from "../core/types";
import type { AnswerFigure } from "./answer-types";
import { type Composition, type Context, QUOTE_LIMIT, spotOf } from "./compose";
import { englishFigure } from "./english";
import type { RankedCandidate } from "./rank";
import { excerpt, type Lang, phrases, readableDate, sourceLine } from "./wording";

/**
 * A figure answer: the figure as printed (or in English words around the printed digits), its as-of date
 * and source, the quote, further figures when the question asks for several, and the same measure in
 * other reports, newest first.
 */
const MORE_GAP = 3;
const MAX_MORE = 2;
/** Figures of other reports scoring this close to the lead measure the same thing. */
const SAME_MEASURE_GAP = 1.5;

function printedFigure(figure: Figure): string {
  if (!figure.unit || figure.unit === "%" || figure.text.endsWith(figure.unit)) return figure.text;
  return `${figure.text} ${figure.unit}`;
}

/** A goal or a change must never read as an achieved level: say which it is. */
function figureLabel(figure: Figure, lang: Lang): string {
  const words = phrases(lang);
  if (figure.target) return `${words.target}: `;
  return figure.change ? `${words.change}: ` : "";
}

function figureEntry(figure: Figure, context: Context): AnswerFigure {
  return {
    value: figure.value,
    text: figure.text,
    ...(figure.unit ? { unit: figure.unit } : {}),
    asOf: figure.asOf,
    citation: context.citations.add(spotOf(figure)),
  };
}

const unitKey = (figure: Figure) =>
  fold(figure.unit ?? "")
    .split(" ")
    .slice(0, 2)
    .join(" ");

/** The same measure in other reports: a figure of the same kind and counted noun, ranked close to the lead. */
function sameMeasure(lead: RankedCandidate, context: Context): Figure[] {
  const figure = lead.candidate.figure as Figure;
  const perDocument = new Map<string, Figure>();
  for (const other of context.ranked) {
    const candidate = other.candidate.figure;
    if (!candidate || other.score < lead.score - SAME_MEASURE_GAP) continue;
    if (candidate.docId === figure.docId || perDocument.has(candidate.docId)) continue;
    if (candidate.kind !== figure.kind || unitKey(candidate) !== unitKey(figure) || candidate.target)
      continue;
    perDocument.set(candidate.docId, candidate);
  }
  return [...perDocument.values()].sort((a, b) => b.asOf.localeCompare(a.asOf));
}

/** Other figures of the lead's sentence the ranker also rates, when the question asks for several. */
function moreFigures(lead: RankedCandidate, context: Context): Figure[] {
  if (!context.plan.wantsSeveral) return [];
  const sentence = lead.candidate.sentence;
  return context.ranked
    .filter(
      (other) =>
        other !== lead &&
        other.candidate.figure &&
        other.candidate.sentence === sentence &&
        other.score >= lead.score - MORE_GAP,
    )
    .slice(0, MAX_MORE)
    .map((other) => other.candidate.figure as Figure);
}

export function composeFigure(lead: RankedCandidate, context: Context): Composition {
  const figure = lead.candidate.figure as Figure;
  const { lang, citations } = context;
  const words = phrases(lang);
  const more = moreFigures(lead, context);
  const timeline = sameMeasure(lead, context);
  const figures = [figure, ...more, ...timeline].map((item) => figureEntry(item, context));
  const leadCitation = citations.items[figures[0]?.citation ?? 0];
  const shown = lang === "en" ? englishFigure(figure) : printedFigure(figure);
  const quoteOf = (item: Figure) =>
    excerpt(item.sentence, item.start - item.sentenceStart, item.end - item.sentenceStart, QUOTE_LIMIT);
  const lines = [
    `${figureLabel(figure, lang)}${shown} (${words.asOf} ${readableDate(figure.asOf, lang)}, ${leadCitation ? sourceLine(leadCitation, lang) : ""}).`,
    `${words.quote}: "${quoteOf(figure)}"`,
  ];
  if (more.length > 0) lines.push(`${words.more}: ${more.map((item) => printedFigure(item)).join("; ")}`);
  if (timeline.length > 0) {
    const older = timeline.map((item) => {
      const citation = citations.items[citations.add(spotOf(item))];
      return `${figureLabel(item, lang)}${printedFigure(item)} — ${readableDate(item.asOf, lang)} (${citation?.label ?? ""})`;
    });
    lines.push(`${words.earlier}: ${older.join("; ")}.`);
  }
  return { lines, figures, deadlines: [], derived: [] };
}
