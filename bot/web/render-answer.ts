import type { Answer, AnswerFigure, Citation } from "./api";
import { copyButton, type DocumentsById, hasPrintedDate, shortSource, sourceLine } from "./citation-parts";
import { byDueDate, deadlineTable } from "./deadline-table";
import { element } from "./dom";
import { displayDate, excerpt, findInQuote, pressLine } from "./format";
import { language, strings } from "./i18n";
import { citationHref } from "./router";
import { LINE_STYLES, type TimelineLine, timelineChart } from "./timeline-chart";

/**
 * The answer card: the lead figure large, its as-of date, the verbatim quote with the figure marked, the
 * source, a copy button, and the metric's earlier values. Built from the structured answer, so nothing
 * the server sends is ever parsed as markup.
 */

/** The quote as a blockquote, with the figure as printed wrapped in <mark>. */
function quoteBlock(citation: Citation, printed: string): HTMLElement {
  const spot = findInQuote(citation.quote, printed);
  const parts: (Node | string)[] = spot
    ? [
        citation.quote.slice(0, spot.start),
        element("mark", { class: "figure-mark" }, citation.quote.slice(spot.start, spot.end)),
        citation.quote.slice(spot.end),
      ]
    : [citation.quote];
  return element("blockquote", { class: "quote", cite: citationHref(citation) }, element("p", {}, ...parts));
}

/** The press-ready line: a verbatim excerpt around the figure, so a long sentence does not run on. */
function citationLine(citation: Citation, printed: string | undefined, documents: DocumentsById): string {
  const spot = printed ? findInQuote(citation.quote, printed) : undefined;
  const quoted = excerpt(citation.quote, spot?.start ?? 0, spot?.end ?? 0);
  return pressLine(citation, quoted, language(), hasPrintedDate(citation, documents));
}

function citationActions(
  citation: Citation,
  printed: string | undefined,
  documents: DocumentsById,
): HTMLElement {
  return element(
    "div",
    { class: "card-actions" },
    element("a", { href: citationHref(citation), class: "open-document" }, strings().openInDocument),
    copyButton(() => citationLine(citation, printed, documents)),
  );
}

function leadFigure(figure: AnswerFigure, citation: Citation, documents: DocumentsById): HTMLElement {
  const words = strings();
  return element(
    "article",
    { class: "answer-card", "aria-labelledby": "lead-figure" },
    element(
      "p",
      { class: "lead-figure", id: "lead-figure" },
      element("span", { class: "figure-value" }, figure.text),
      figure.unit ? element("span", { class: "figure-unit" }, ` ${figure.unit}`) : "",
    ),
    element(
      "p",
      { class: "as-of" },
      `${words.asOf} `,
      element("time", { datetime: figure.asOf }, displayDate(figure.asOf)),
    ),
    figure.measure
      ? element("p", { class: "figure-measure" }, `${words.measureLabel}: ${figure.measure}`)
      : "",
    element("p", { class: "quote-label" }, words.quoteLabel),
    quoteBlock(citation, figure.text),
    sourceLine(citation, documents),
    citationActions(citation, figure.text, documents),
  );
}

/**
 * The answer's figures as chart lines: one per series, so `cấp`, `kích hoạt` and `phê duyệt` accounts are
 * three lines, never one; figures without a series key (an engine that sets none) share one line.
 */
function chartLines(rows: Array<{ figure: AnswerFigure; citation: Citation }>): TimelineLine[] {
  const lines = new Map<string, TimelineLine>();
  rows.forEach(({ figure, citation }) => {
    const key = figure.series ?? "";
    const line = lines.get(key) ?? {
      label: figure.measure ?? figure.unit ?? figure.text,
      scale: figure.unit === "%" ? "percent" : "count",
      points: [],
    };
    line.points.push({
      asOf: figure.asOf,
      value: figure.value,
      label: figure.text,
      href: citationHref(citation),
      description: `${figure.text}${figure.unit ? ` ${figure.unit}` : ""} — ${displayDate(figure.asOf)} — ${citation.label}`,
    });
    lines.set(key, line);
  });
  return [...lines.values()];
}

function legend(lines: TimelineLine[]): HTMLElement | string {
  if (lines.length < 2) return "";
  return element(
    "ul",
    { class: "timeline-legend" },
    ...lines.map((line, index) => element("li", { class: `series-${index % LINE_STYLES}` }, line.label)),
  );
}

function timeline(answer: Answer, documents: DocumentsById): HTMLElement {
  const words = strings();
  const rows = answer.figures
    .map((figure) => ({ figure, citation: answer.citations[figure.citation] }))
    .filter((row): row is { figure: AnswerFigure; citation: Citation } => row.citation !== undefined)
    .sort((left, right) => right.figure.asOf.localeCompare(left.figure.asOf));
  const lines = chartLines(rows);
  const pointCount = lines.reduce((sum, line) => sum + line.points.length, 0);
  const table = element(
    "table",
    { class: "data-table timeline-table" },
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        ...[words.timelineAsOf, words.timelineValue, words.timelineSource].map((text) =>
          element("th", { scope: "col" }, text),
        ),
      ),
    ),
    element(
      "tbody",
      {},
      ...rows.map(({ figure, citation }) =>
        element(
          "tr",
          {},
          element(
            "td",
            { "data-label": words.timelineAsOf },
            element("time", { datetime: figure.asOf }, displayDate(figure.asOf)),
          ),
          element(
            "td",
            { "data-label": words.timelineValue },
            `${figure.text}${figure.unit ? ` ${figure.unit}` : ""}`,
            figure.measure ? element("span", { class: "timeline-measure" }, ` — ${figure.measure}`) : "",
          ),
          element(
            "td",
            { "data-label": words.timelineSource },
            element(
              "a",
              { href: citationHref(citation), title: citation.quote },
              shortSource(citation, documents),
            ),
          ),
        ),
      ),
    ),
  );
  return element(
    "section",
    { class: "timeline", "aria-labelledby": "timeline-heading" },
    element("h3", { id: "timeline-heading" }, words.timelineHeading),
    legend(lines),
    timelineChart(lines, words.timelineChartLabel(pointCount)),
    table,
  );
}

function citationList(answer: Answer, documents: DocumentsById): HTMLElement {
  return element(
    "ol",
    { class: "citation-list" },
    ...answer.citations.map((citation) =>
      element(
        "li",
        {},
        element("blockquote", { class: "quote" }, element("p", {}, citation.quote)),
        sourceLine(citation, documents),
        citationActions(citation, undefined, documents),
      ),
    ),
  );
}

/** Passages near the question, shown as leads to read, never as an answer: no copy button, no figure. */
function closestPassages(answer: Answer, documents: DocumentsById): HTMLElement {
  const words = strings();
  return element(
    "div",
    { class: "closest" },
    element("p", { class: "muted" }, words.closestPassages),
    element(
      "ul",
      { class: "closest-list" },
      ...answer.citations.map((citation) =>
        element(
          "li",
          {},
          element("a", { href: citationHref(citation) }, shortSource(citation, documents)),
          element("blockquote", { class: "quote" }, element("p", {}, citation.quote)),
        ),
      ),
    ),
  );
}

function notFound(answer: Answer, documents: DocumentsById): HTMLElement {
  const words = strings();
  return element(
    "div",
    { class: "notice notice-not-found", role: "status" },
    element("p", { class: "notice-title" }, words.notFoundTitle),
    element("p", {}, words.notFound),
    answer.citations.length > 0 ? closestPassages(answer, documents) : "",
  );
}

/** An answer without a lead figure (a date, a sentence, a list of tasks) is shown as the server wrote it. */
function textAnswer(answer: Answer): HTMLElement {
  return element("div", { class: "answer-card" }, element("p", { class: "answer-text" }, answer.answer));
}

function answerDetails(answer: Answer, documents: DocumentsById): HTMLElement {
  const words = strings();
  return element(
    "details",
    { class: "answer-details" },
    element("summary", {}, `${words.answerText} · ${words.citationsHeading} (${answer.citations.length})`),
    element("p", { class: "answer-text" }, answer.answer),
    citationList(answer, documents),
  );
}

export function renderAnswer(answer: Answer, documents: DocumentsById): HTMLElement {
  if (answer.status === "not_found") return notFound(answer, documents);
  const words = strings();
  const lead = answer.figures[0];
  const leadCitation = lead ? answer.citations[lead.citation] : undefined;
  const parts: HTMLElement[] = [];
  if (lead && leadCitation) {
    parts.push(leadFigure(lead, leadCitation, documents));
    if (answer.figures.length > 1) parts.push(timeline(answer, documents));
  } else {
    parts.push(textAnswer(answer));
  }
  if (answer.deadlines.length > 0) {
    const deadlines = [...answer.deadlines].sort(byDueDate);
    parts.push(
      element("h3", {}, words.answerDeadlines),
      deadlineTable(deadlines, answer.citations, documents),
    );
  }
  if (answer.citations.length > 0) {
    parts.push(
      lead
        ? answerDetails(answer, documents)
        : element("section", {}, element("h3", {}, words.citationsHeading), citationList(answer, documents)),
    );
  }
  return element("div", { class: "answer" }, ...parts);
}
