import { type Citation, type DocumentSummary, listDocuments } from "./api";
import { copyText } from "./clipboard";
import { element } from "./dom";
import { dateInSentence, documentName, pageWord } from "./format";
import { language, strings } from "./i18n";

/**
 * Pieces every citation is shown with: the source line and the copy button. They need a little more
 * than the citation carries (slides or pages, whether the date is printed or estimated), which the
 * document list gives.
 */
export type DocumentsById = Map<string, DocumentSummary>;

/** Title, number, issuing body, date, section and page or slide, in the order a footnote gives them. */
export function sourceLine(citation: Citation, documents: DocumentsById): HTMLElement {
  const words = strings();
  const lang = language();
  const meta = documents.get(citation.doc);
  const details: string[] = [];
  if (citation.number) details.push(`${words.numberLabel} ${citation.number}`);
  if (citation.issuer) details.push(citation.issuer);
  if (citation.date) {
    const date =
      lang === "vi"
        ? dateInSentence(citation.date, lang)
        : `${words.issuedOn} ${dateInSentence(citation.date, lang)}`;
    details.push(meta?.dateEstimated ? `${date} (${words.estimated})` : date);
  }
  if (citation.section) details.push(`${words.sectionLabel}: ${citation.section}`);
  if (citation.page !== undefined) details.push(`${pageWord(meta?.kind, lang)} ${citation.page}`);
  return element(
    "p",
    { class: "source-line" },
    element("span", { class: "source-label" }, `${words.sourceLabel}: `),
    element("cite", { class: "source-title" }, citation.title),
    details.length > 0 ? ` · ${details.join(" · ")}` : "",
  );
}

/** A short link text for tables: the document's label and, when known, where in it. */
export function shortSource(citation: Citation, documents: DocumentsById): string {
  const kind = documents.get(citation.doc)?.kind;
  const place =
    citation.page !== undefined ? `, ${pageWord(kind, language()).toLowerCase()} ${citation.page}` : "";
  return `${documentName(citation)}${place}`;
}

/** Whether the citation's date is printed on the document, and so may be printed in a newspaper. */
export function hasPrintedDate(citation: Citation, documents: DocumentsById): boolean {
  return citation.date !== undefined && documents.get(citation.doc)?.dateEstimated !== true;
}

/** The "Copy citation" button with its own status line, which screen readers announce. */
export function copyButton(lineToCopy: () => string): HTMLElement {
  const words = strings();
  const status = element("span", { class: "copy-status", role: "status" });
  const button = element("button", { type: "button", class: "copy-citation" }, words.copyCitation);
  button.addEventListener("click", async () => {
    const line = lineToCopy();
    const copied = await copyText(line);
    if (copied) {
      status.replaceChildren(words.copied);
      return;
    }
    status.replaceChildren(words.copyFailed, " ", element("output", { class: "copy-fallback" }, line));
  });
  return element("span", { class: "copy-group" }, button, status);
}

/** The document list as a map; empty when it cannot be loaded, since citations still read without it. */
export async function loadDocumentsById(): Promise<DocumentsById> {
  try {
    const documents = await listDocuments();
    return new Map(documents.map((document) => [document.id, document]));
  } catch {
    return new Map();
  }
}
