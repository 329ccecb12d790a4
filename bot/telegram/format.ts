import type {
  Answer,
  AnswerDeadline,
  AnswerFigure,
  Citation,
  DeadlineStatus,
} from "../../answer/answer-types";
import { excerpt, type Lang, phrases, readableDate } from "../../answer/wording";
import type { DocumentMeta } from "../../core/types";
import { blockquote, bold, escapeHtml, italic, shorten } from "./html";
import { texts } from "./texts";

/**
 * Answers laid out for a phone in Telegram's HTML: the figure first and bold, then its date, a one-line
 * source and the exact quote, then older values as a short timeline. Every string from a report is
 * escaped here; callers split the result with `splitHtml`.
 */
const QUOTE_CHARS = 280;
const SHORT_QUOTE_CHARS = 160;
const SECTION_CHARS = 120;
const TIMELINE_IN_ANSWER = 4;
/** More rows than this is a wall of text on a phone; the reader narrows the question instead. */
export const DEADLINE_LIST_LIMIT = 25;

export interface FigureLike {
  text: string;
  unit?: string | undefined;
}

/** The figure as the report prints it, with its counted noun: `67 triệu tài khoản VNeID`. */
export function printedFigure(figure: FigureLike): string {
  const { text, unit } = figure;
  if (!unit || unit === "%" || text.endsWith(unit)) return text;
  return `${text} ${unit}`;
}

/** `title, số 290/BC-TCTTKĐA, 04/02/2025, mục II. Kết quả › 4…, trang 5` as plain text. */
export function sourceLine(citation: Citation, lang: Lang): string {
  const words = texts(lang);
  const parts = [citation.title];
  if (citation.number && !citation.title.includes(citation.number))
    parts.push(`${words.number} ${citation.number}`);
  if (citation.date) parts.push(readableDate(citation.date, lang));
  if (citation.section) parts.push(`${words.section} ${shorten(citation.section, SECTION_CHARS)}`);
  if (citation.page !== undefined) parts.push(`${words.page} ${citation.page}`);
  return parts.join(", ");
}

/** The part of the quote around `needle`, verbatim, short enough for a phone. */
function quoteAround(quote: string, needle: string, limit = QUOTE_CHARS): string {
  const at = Math.max(0, quote.indexOf(needle));
  return excerpt(quote, at, at + needle.length, limit);
}

function citationOf(answer: Answer, index: number): Citation | undefined {
  return answer.citations[index];
}

/**
 * Figures after the lead: the same report's extras, and the same metric in other reports. Those are older
 * as a rule, but a question pinned to a date ("by January 2025") leads with an older figure, so the
 * other reports' values are split by date rather than assumed older.
 */
export function figureGroups(answer: Answer): {
  lead?: AnswerFigure;
  more: AnswerFigure[];
  older: AnswerFigure[];
  newer: AnswerFigure[];
  /** Other measures of the same thing (accounts issued vs approved): never earlier values of the lead. */
  related: AnswerFigure[];
} {
  const [lead, ...rest] = answer.figures;
  if (!lead) return { more: [], older: [], newer: [], related: [] };
  const leadDoc = citationOf(answer, lead.citation)?.doc;
  const others = rest.filter((figure) => citationOf(answer, figure.citation)?.doc !== leadDoc);
  const sameMeasure = (figure: AnswerFigure) =>
    !figure.series || !lead.series || figure.series === lead.series;
  return {
    lead,
    more: rest.filter(
      (figure) => citationOf(answer, figure.citation)?.doc === leadDoc && sameMeasure(figure),
    ),
    older: others.filter((figure) => sameMeasure(figure) && figure.asOf <= lead.asOf),
    newer: others.filter((figure) => sameMeasure(figure) && figure.asOf > lead.asOf),
    related: rest.filter((figure) => !sameMeasure(figure)),
  };
}

/** Whether the timeline button has anything to show, and which way it points. */
export function timelineDirection(answer: Answer): "older" | "newer" | undefined {
  const { older, newer, related } = figureGroups(answer);
  if (older.length > 0 || related.length > 0) return "older";
  return newer.length > 0 ? "newer" : undefined;
}

/** Bold figure, as-of date, source and quote: the whole claim with its evidence. */
export function formatFigure(figure: AnswerFigure, answer: Answer): string {
  const words = texts(answer.lang);
  const citation = citationOf(answer, figure.citation);
  const lines = [
    bold(printedFigure(figure)),
    ...(figure.measure ? [`${words.measure}: ${escapeHtml(figure.measure)}`] : []),
    `${words.asOf}: ${escapeHtml(readableDate(figure.asOf, answer.lang))}`,
  ];
  if (citation) {
    lines.push(`${words.source}: ${escapeHtml(sourceLine(citation, answer.lang))}`);
    lines.push(blockquote(quoteAround(citation.quote, figure.text)));
  }
  return lines.join("\n");
}

function timelineRow(figure: AnswerFigure, answer: Answer): string {
  const label = citationOf(answer, figure.citation)?.label ?? "";
  return `• ${escapeHtml(readableDate(figure.asOf, answer.lang))}: ${bold(printedFigure(figure))} — ${escapeHtml(label)}`;
}

function formatFigureAnswer(answer: Answer, lead: AnswerFigure): string {
  const words = texts(answer.lang);
  const { more, older, newer, related } = figureGroups(answer);
  const blocks = [formatFigure(lead, answer)];
  if (more.length > 0) {
    const rows = more.map((figure) => {
      const quote = citationOf(answer, figure.citation)?.quote ?? "";
      return `• ${bold(printedFigure(figure))}: ${italic(quoteAround(quote, figure.text, SHORT_QUOTE_CHARS))}`;
    });
    blocks.push([`${words.sameReport}:`, ...rows].join("\n"));
  }
  for (const [title, figures] of [
    [words.later, newer],
    [words.earlier, older],
  ] as const) {
    if (figures.length === 0) continue;
    const rows = figures.slice(0, TIMELINE_IN_ANSWER).map((figure) => timelineRow(figure, answer));
    blocks.push([`${title}:`, ...rows].join("\n"));
  }
  if (related.length > 0) {
    const rows = related.slice(0, TIMELINE_IN_ANSWER).map((figure) => {
      const measure = figure.measure ? ` (${escapeHtml(figure.measure)})` : "";
      return `${timelineRow(figure, answer)}${measure}`;
    });
    blocks.push([`${words.related}:`, ...rows].join("\n"));
  }
  return blocks.join("\n\n");
}

export interface DeadlineRow {
  task: string;
  body?: string | undefined;
  dueText: string;
  dueDate: string;
  status: DeadlineStatus;
  reportedLate: boolean;
  label: string;
}

function statusMark(row: DeadlineRow, lang: Lang): string {
  const words = phrases(lang);
  const status =
    row.status === "past-due" ? bold(words.status["past-due"]) : escapeHtml(words.status[row.status]);
  return row.reportedLate ? `${status}; ${escapeHtml(words.reportedLate)}` : status;
}

/** One line per task: due date first, who, what, as printed, and overdue marked. */
export function deadlineRow(row: DeadlineRow, lang: Lang): string {
  const who = row.body && !row.task.startsWith(row.body) ? `${escapeHtml(row.body)}: ` : "";
  const due = bold(readableDate(row.dueDate, lang));
  return `• ${due} — ${who}${escapeHtml(row.task)} (${escapeHtml(row.dueText)}; ${escapeHtml(row.label)}) — ${statusMark(row, lang)}`;
}

function answerDeadlineRow(deadline: AnswerDeadline, answer: Answer): DeadlineRow {
  return { ...deadline, label: citationOf(answer, deadline.citation)?.label ?? "" };
}

function formatSingleDeadline(deadline: AnswerDeadline, answer: Answer, today: string | undefined): string {
  const words = texts(answer.lang);
  const citation = citationOf(answer, deadline.citation);
  const row = answerDeadlineRow(deadline, answer);
  const asOfToday = today ? ` (${words.today} ${escapeHtml(readableDate(today, answer.lang))})` : "";
  const lines = [
    `${words.due}: ${bold(deadline.dueText)} (${escapeHtml(readableDate(deadline.dueDate, answer.lang))}) — ${statusMark(row, answer.lang)}${asOfToday}`,
    deadline.body ? `${bold(deadline.body)}: ${escapeHtml(deadline.task)}` : escapeHtml(deadline.task),
  ];
  if (citation) {
    lines.push(`${words.source}: ${escapeHtml(sourceLine(citation, answer.lang))}`);
    lines.push(blockquote(quoteAround(citation.quote, deadline.dueText)));
  }
  return lines.join("\n");
}

export function formatDeadlineRows(title: string, rows: DeadlineRow[], lang: Lang, more = 0): string {
  const lines = [bold(title), ...rows.map((row) => deadlineRow(row, lang))];
  if (more > 0) lines.push(escapeHtml(texts(lang).moreDeadlines(more)));
  return lines.join("\n");
}

function formatDeadlineList(answer: Answer): string {
  const count = answer.deadlines.length;
  const rows = answer.deadlines
    .slice(0, DEADLINE_LIST_LIMIT)
    .map((deadline) => answerDeadlineRow(deadline, answer));
  // The composer's headline names the period and body asked about ("Các nhiệm vụ … trong Quý I/2024").
  const headline = answer.answer.split("\n")[0] || phrases(answer.lang).deadlines("");
  const title = `${headline} (${count})`;
  return formatDeadlineRows(title, rows, answer.lang, count - rows.length);
}

/** The answer of `POST /api/ask`, laid out for a phone. */
export function formatAnswer(answer: Answer, today?: string): string {
  const { lead } = figureGroups(answer);
  if (answer.status === "answered" && lead) return formatFigureAnswer(answer, lead);
  const [first, ...others] = answer.deadlines;
  if (answer.status === "answered" && first && others.length === 0)
    return formatSingleDeadline(first, answer, today);
  if (answer.status === "answered" && first) return formatDeadlineList(answer);
  // Dates, facts and "not found" are sentences already; only the first line is the headline.
  const [headline = "", ...rest] = answer.answer.split("\n");
  return [bold(headline), ...rest.map(escapeHtml)].join("\n");
}

/** Every citation in full: what the "Nguồn" button shows. */
export function formatCitations(answer: Answer): string {
  const words = texts(answer.lang);
  const blocks = answer.citations.map((citation, index) => {
    const lines = [
      `${bold(`[${index + 1}] ${citation.label}`)}`,
      escapeHtml(sourceLine(citation, answer.lang)),
    ];
    if (citation.issuer) lines.push(italic(citation.issuer));
    lines.push(blockquote(citation.quote));
    return lines.join("\n");
  });
  return [bold(words.citationsTitle), ...blocks].join("\n\n");
}

/**
 * The figures in every report, newest first, each with its quote: what "Số liệu cũ hơn" shows. Figures of
 * several series (issued, activated, approved accounts) are listed under their measure, one block each.
 */
export function formatTimeline(answer: Answer): string {
  const words = texts(answer.lang);
  const { lead, older, newer, related } = figureGroups(answer);
  if (!lead || older.length + newer.length + related.length === 0) return escapeHtml(words.noOlder);
  const newestFirst = [lead, ...older, ...newer, ...related].sort((a, b) => b.asOf.localeCompare(a.asOf));
  const bySeries = new Map<string, AnswerFigure[]>();
  newestFirst.forEach((figure, index) => {
    const key = figure.series ?? `figure-${index}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), figure]);
  });
  const grouped = bySeries.size > 1 && newestFirst.some((figure) => figure.series);
  const blocks = [...bySeries.values()].flatMap((figures) => {
    const rows = figures.map((figure) => {
      const quote = citationOf(answer, figure.citation)?.quote ?? "";
      return `${timelineRow(figure, answer)}\n${italic(quoteAround(quote, figure.text, SHORT_QUOTE_CHARS))}`;
    });
    const measure = figures[0]?.measure;
    return grouped && measure ? [`${bold(measure)}\n${rows.join("\n")}`] : rows;
  });
  return [bold(words.timelineTitle), ...blocks].join("\n\n");
}

export interface ListedFigure {
  text: string;
  unit?: string | undefined;
  asOf: string;
  docId: string;
  sentence: string;
  start: number;
  end: number;
  sentenceStart: number;
}

/** `/solieu`: figures on a topic, newest first, each with its date, source and a short quote. */
export function formatFigureList(
  topic: string,
  figures: ListedFigure[],
  documents: Map<string, DocumentMeta>,
  lang: Lang,
): string {
  const words = texts(lang);
  const rows = figures.map((figure) => {
    const label = documents.get(figure.docId)?.label ?? figure.docId;
    const at = figure.start - figure.sentenceStart;
    const quote = excerpt(figure.sentence, at, figure.end - figure.sentenceStart, SHORT_QUOTE_CHARS);
    const date = escapeHtml(readableDate(figure.asOf, lang));
    return `• ${bold(printedFigure(figure))} — ${words.asOf.toLowerCase()} ${date}, ${escapeHtml(label)}\n${italic(quote)}`;
  });
  return [bold(words.figuresTitle(topic)), ...rows].join("\n\n");
}

/** `/nguon`: the documents, newest first, with their numbers and dates. */
export function formatSources(documents: DocumentMeta[], lang: Lang): string {
  const words = texts(lang);
  const newestFirst = [...documents].sort((a, b) => (b.date ?? b.asOf).localeCompare(a.date ?? a.asOf));
  const rows = newestFirst.map((meta) => {
    const details = [meta.title];
    if (meta.number && !meta.title.includes(meta.number)) details.push(`${words.number} ${meta.number}`);
    if (meta.date) details.push(`${words.issued} ${readableDate(meta.date, lang)}`);
    details.push(`${words.figuresAsOf} ${readableDate(meta.asOf, lang)}`);
    return `• ${bold(meta.label)}\n${escapeHtml(details.join(", "))}`;
  });
  return [bold(words.sourcesTitle), ...rows].join("\n\n");
}
