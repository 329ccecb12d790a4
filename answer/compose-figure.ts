import { fold } from "../core/text";
import type { Figure } from "../core/types";
import { seriesPoints } from "../index/series";
import type { AnswerFigure } from "./answer-types";
import { type Composition, type Context, QUOTE_LIMIT, spotOf } from "./compose";
import { englishFigure } from "./english";
import { complements, type RankedCandidate, SEVERAL_GAP, wholeSentences } from "./rank";
import { excerpt, type Lang, phrases, readableDate, sourceLine } from "./wording";

/**
 * A figure answer: the figure as printed (or in English words around the printed digits), its as-of date
 * and source, the quote, further figures when the question asks for several, and the same measure in
 * other reports, newest first.
 */
const MAX_MORE = 2;

// "2.000–10.000 tỷ đồng": the scale word printed after the upper end scales the lower end too.
const SCALED_RANGE =
  /(\d[\d.,]*)(\s*[–-]\s*)(\d[\d.,]*)\s+((?:nghìn|ngàn)\s+(?:tỷ|tỉ)|tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{L})/u;

/**
 * The figure as printed, with a range's scale word on both its ends: read alone, "2.000–10.000 tỷ" may
 * pass for two thousand đồng to ten thousand billion.
 */
function printedFigure(figure: Figure): string {
  const text = figure.text.replace(SCALED_RANGE, "$1 $4$2$3 $4");
  if (!figure.unit || figure.unit === "%" || figure.text.endsWith(figure.unit)) return text;
  return `${text} ${figure.unit}`;
}

/** A goal, a change, a projection or an earlier value must never read as an achieved level: say which it is. */
function figureLabel(figure: Figure, lang: Lang): string {
  const words = phrases(lang);
  if (figure.target) return `${words.target}: `;
  if (figure.projected) return `${words.projected}: `;
  if (figure.earlier) return `${words.earlierValue}: `;
  return figure.change ? `${words.change}: ` : "";
}

function figureEntry(figure: Figure, context: Context): AnswerFigure {
  return {
    value: figure.value,
    text: figure.text,
    ...(figure.unit ? { unit: figure.unit } : {}),
    asOf: figure.asOf,
    citation: context.citations.add(spotOf(figure)),
    measure: figure.measure,
    series: figure.series,
    target: figure.target,
    change: figure.change,
    projected: figure.projected,
  };
}

/** The same measure in the other reports, newest first: the figure's series. */
function sameMeasure(figure: Figure, context: Context): Figure[] {
  const points = seriesPoints(context.deps.index.series, figure.series);
  return points.filter((point) => point.docId !== figure.docId);
}

/**
 * Without a time or a report named, the newest report's value of the measure leads: "how many VNeID
 * accounts?" asks for the latest figure, and the older ones follow as its timeline.
 */
export function newestOfSeries(figure: Figure, context: Context): Figure {
  const { plan } = context;
  if (plan.time || plan.docIds.length > 0) return figure;
  const newest = seriesPoints(context.deps.index.series, figure.series)[0];
  return newest && newest.asOf > figure.asOf ? newest : figure;
}

/** Other figures of the lead's sentence the ranker also rates, when the question asks for several. */
function moreFigures(lead: RankedCandidate, context: Context): Figure[] {
  const { plan } = context;
  if (!plan.wantsSeveral) return [];
  const wholeOf = wholeSentences(context.ranked);
  const whole = wholeOf(lead.candidate.sentence);
  return (
    context.ranked
      .filter(
        (other) =>
          other !== lead &&
          other.candidate.figure &&
          wholeOf(other.candidate.sentence) === whole &&
          other.score >= lead.score - SEVERAL_GAP,
      )
      // The figure of the other kind asked (the count's share) comes first; the order is otherwise the ranker's.
      .sort((one, other) => Number(complements(plan, lead, other)) - Number(complements(plan, lead, one)))
      .slice(0, MAX_MORE)
      .map((other) => other.candidate.figure as Figure)
  );
}

/** Candidates this close to the best (log-odds) answer the question about as well. */
const RELATED_GAP = 1;

const isLevel = (figure: Figure) => !figure.target && !figure.change && !figure.projected && !figure.earlier;
const countedNoun = (figure: Figure) =>
  fold(figure.unit ?? "")
    .split(" ")
    .slice(0, 2)
    .join(" ");

/**
 * Other measures of the same thing the ranker rates about as well ("tài khoản VNeID" issued, activated,
 * approved): each by its newest value. Asked without a time or report, the newest of them leads and the
 * others are shown beside it as related measures, never as earlier values of the lead.
 */
function relatedMeasures(lead: RankedCandidate, context: Context): Figure[] {
  const figure = lead.candidate.figure as Figure;
  const { plan } = context;
  if (plan.time || plan.docIds.length > 0 || !isLevel(figure) || !figure.unit) return [];
  const bySeries = new Map<string, Figure>();
  for (const other of context.ranked) {
    const candidate = other.candidate.figure;
    if (!candidate || other.score < lead.score - RELATED_GAP || candidate.series === figure.series) continue;
    if (
      candidate.kind !== figure.kind ||
      countedNoun(candidate) !== countedNoun(figure) ||
      !isLevel(candidate)
    )
      continue;
    if (!bySeries.has(candidate.series)) bySeries.set(candidate.series, newestOfSeries(candidate, context));
  }
  return [...bySeries.values()];
}

export function composeFigure(lead: RankedCandidate, context: Context): Composition {
  const ranked = lead.candidate.figure as Figure;
  const pool = [newestOfSeries(ranked, context), ...relatedMeasures(lead, context)];
  // The newest report leads; among equally new ones, the ranker's order.
  const figure = pool.reduce((best, item) => (item.asOf > best.asOf ? item : best));
  const related = pool.filter((item) => item !== figure);
  const { lang, citations } = context;
  const words = phrases(lang);
  const more = figure === ranked ? moreFigures(lead, context) : [];
  const timeline = sameMeasure(figure, context);
  const figures = [figure, ...more, ...timeline, ...related].map((item) => figureEntry(item, context));
  const leadCitation = citations.items[figures[0]?.citation ?? 0];
  const shown = lang === "en" ? englishFigure(figure) : printedFigure(figure);
  const quoteOf = (item: Figure) =>
    excerpt(item.sentence, item.start - item.sentenceStart, item.end - item.sentenceStart, QUOTE_LIMIT);
  const measure = lang === "vi" && figure.measure ? ` — ${figure.measure}` : "";
  const lines = [
    `${figureLabel(figure, lang)}${shown}${measure} (${words.asOf} ${readableDate(figure.asOf, lang)}, ${leadCitation ? sourceLine(leadCitation, lang) : ""}).`,
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
  if (related.length > 0) {
    const others = related.map((item) => {
      const citation = citations.items[citations.add(spotOf(item))];
      return `${printedFigure(item)}${item.measure ? ` (${item.measure})` : ""} — ${readableDate(item.asOf, lang)} (${citation?.label ?? ""})`;
    });
    lines.push(`${words.related}: ${others.join("; ")}.`);
  }
  return { lines, figures, deadlines: [], derived: [] };
}
