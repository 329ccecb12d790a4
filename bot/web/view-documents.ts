import { type DocumentFull, type DocumentSummary, listDocuments, readDocument } from "./api";
import { renderDocumentText } from "./document-text";
import { element, replaceChildren } from "./dom";
import { displayDate, pageWord } from "./format";
import { language, strings } from "./i18n";
import { errorNotice, loadingNotice } from "./notices";
import { hrefOf, type Route } from "./router";
import { latestOnly, type View } from "./view";

/** The corpus as a table, and one document's cleaned text with the cited passage marked and in view. */

/** A date the server estimated from the text is labelled so, never passed off as printed. */
function dateText(iso: string | undefined, estimated: boolean): string {
  if (!iso) return "—";
  return estimated ? `${displayDate(iso)} (${strings().estimated})` : displayDate(iso);
}

function documentRow(summary: DocumentSummary): HTMLTableRowElement {
  const words = strings();
  const cell = (label: string, ...children: (Node | string)[]) =>
    element("td", { "data-label": label }, ...children);
  return element(
    "tr",
    {},
    cell(
      words.columnTitle,
      element("a", { href: hrefOf({ view: "document", id: summary.id }) }, summary.title),
    ),
    cell(words.columnNumber, summary.number ?? "—"),
    cell(words.columnIssuer, summary.issuer ?? "—"),
    cell(words.columnDate, dateText(summary.date, summary.dateEstimated)),
    cell(words.columnAsOf, dateText(summary.asOf, summary.asOfEstimated)),
    cell(words.columnKind, words.kinds[summary.kind] ?? summary.kind),
    cell(words.columnFigures, element("span", { class: "count" }, summary.figures)),
    cell(words.columnDeadlines, element("span", { class: "count" }, summary.deadlines)),
  );
}

function documentTable(documents: DocumentSummary[]): HTMLTableElement {
  const words = strings();
  const headings = [
    words.columnTitle,
    words.columnNumber,
    words.columnIssuer,
    words.columnDate,
    words.columnAsOf,
    words.columnKind,
    words.columnFigures,
    words.columnDeadlines,
  ];
  return element(
    "table",
    { class: "data-table document-table stack-on-phone" },
    element(
      "thead",
      {},
      element("tr", {}, ...headings.map((heading) => element("th", { scope: "col" }, heading))),
    ),
    element("tbody", {}, ...documents.map(documentRow)),
  );
}

export function createDocumentsView(): View {
  const words = strings();
  const heading = element("h2", { id: "documents-heading", tabindex: "-1" }, words.documentsHeading);
  const body = element("div", { class: "table-wrap" }, loadingNotice());
  const root = element(
    "section",
    { class: "view view-documents", "aria-labelledby": "documents-heading" },
    heading,
    element("p", { class: "hint" }, words.documentsIntro),
    body,
  );
  const isCurrent = latestOnly();
  return {
    root,
    heading,
    async update() {
      const stillCurrent = isCurrent();
      try {
        const documents = await listDocuments();
        if (stillCurrent()) replaceChildren(body, documentTable(documents));
      } catch (error) {
        if (stillCurrent()) replaceChildren(body, errorNotice(error));
      }
    },
  };
}

function metaLine(full: DocumentFull): HTMLElement {
  const words = strings();
  const { meta } = full;
  const details = [
    words.kinds[meta.kind] ?? meta.kind,
    meta.number,
    meta.issuer,
    meta.date ? `${words.issuedOn} ${dateText(meta.date, meta.dateEstimated)}` : undefined,
    `${words.asOf} ${dateText(meta.asOf, meta.asOfEstimated)}`,
    meta.pages ? `${meta.pages} ${meta.kind === "slides" ? "slide" : words.pages}` : undefined,
  ].filter((detail): detail is string => Boolean(detail));
  return element("p", { class: "document-meta" }, details.join(" · "));
}

/** Top-level sections and their first subsections: enough to find one's way without a wall of links. */
function contentsIndexes(full: DocumentFull): number[] {
  return full.sections.flatMap((section, index) =>
    section.path.length > 0 && section.path.length <= 2 ? [index] : [],
  );
}

function contents(
  full: DocumentFull,
  indexes: number[],
  anchors: Map<number, HTMLElement>,
): HTMLElement | "" {
  if (indexes.length === 0) return "";
  const links = indexes.map((index) => {
    const section = full.sections[index];
    const link = element(
      "button",
      { type: "button", class: `link-button depth-${section?.path.length ?? 1}` },
      section?.path.at(-1) ?? "",
    );
    link.addEventListener("click", () => {
      const anchor = anchors.get(index);
      anchor?.scrollIntoView({ block: "start" });
      anchor?.focus({ preventScroll: true });
    });
    return element("li", {}, link);
  });
  return element(
    "details",
    { class: "contents" },
    element("summary", {}, strings().contentsHeading),
    element("ul", {}, ...links),
  );
}

/** The button back to the cited passage, for a reader who scrolled away from it. */
function jumpButton(mark: HTMLElement): HTMLElement {
  const words = strings();
  const jump = element("button", { type: "button", class: "secondary" }, words.jumpToCited);
  jump.addEventListener("click", () => revealPassage(mark));
  mark.setAttribute("tabindex", "-1");
  mark.setAttribute("aria-label", words.citedPassageLabel);
  return jump;
}

function renderDocument(
  full: DocumentFull,
  passage: { start: number; end: number } | undefined,
): (HTMLElement | "")[] {
  const label = pageWord(full.meta.kind, language());
  const indexes = contentsIndexes(full);
  const rendered = renderDocumentText(full, (page) => `${label} ${page}`, indexes, passage);
  return [
    metaLine(full),
    element("div", { class: "document-actions" }, rendered.mark ? jumpButton(rendered.mark) : ""),
    contents(full, indexes, rendered.anchors),
    rendered.root,
  ];
}

/** Centred rather than at the top, so the reader sees the sentences around the quote too. */
function revealPassage(mark: HTMLElement): void {
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

export function createDocumentView(): View {
  const words = strings();
  const heading = element("h2", { id: "document-heading", tabindex: "-1" }, words.loading);
  const body = element("div", { class: "document-body" });
  const root = element(
    "section",
    { class: "view view-document", "aria-labelledby": "document-heading" },
    element(
      "p",
      {},
      element("a", { href: hrefOf({ view: "documents" }), class: "back-link" }, `← ${words.backToDocuments}`),
    ),
    heading,
    body,
  );
  const isCurrent = latestOnly();
  return {
    root,
    heading,
    async update(route: Route) {
      if (route.view !== "document") return;
      const stillCurrent = isCurrent();
      replaceChildren(body, loadingNotice());
      try {
        const full = await readDocument(route.id);
        if (!stillCurrent()) return;
        heading.textContent = full.meta.title;
        document.title = `${full.meta.label} · ${strings().appTitle}`;
        replaceChildren(body, ...renderDocument(full, route.passage));
        const mark = body.querySelector<HTMLElement>("#cited-passage");
        if (mark) requestAnimationFrame(() => revealPassage(mark));
      } catch (error) {
        if (!stillCurrent()) return;
        heading.textContent = words.errorTitle;
        replaceChildren(body, errorNotice(error));
      }
    },
  };
}
