import type { Citation, DocumentSummary } from "./api";
import type { Lang } from "./i18n";

/** Reader-facing forms of dates, sources and quotes. Quotes stay verbatim: only "…" marks a cut. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** `2025-02-04` → `04/02/2025`, `2025-01` → `01/2025`, `2025` stays; anything else is shown as sent. */
export function displayDate(iso: string): string {
  const day = ISO_DAY.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = ISO_MONTH.exec(iso);
  if (month) return `${month[2]}/${month[1]}`;
  return iso;
}

/** The date with the word a sentence needs before it: `ngày 04/02/2025`, `tháng 01/2025`, `năm 2025`. */
export function dateInSentence(iso: string, lang: Lang): string {
  const shown = displayDate(iso);
  if (lang === "en") return shown;
  if (ISO_DAY.test(iso)) return `ngày ${shown}`;
  if (ISO_MONTH.test(iso)) return `tháng ${shown}`;
  return `năm ${shown}`;
}

/** Where the figure as printed sits in its quote, so it can be highlighted; undefined when not printed. */
export function findInQuote(quote: string, printed: string): { start: number; end: number } | undefined {
  if (!printed) return undefined;
  let start = quote.indexOf(printed);
  if (start < 0) start = quote.toLocaleLowerCase("vi").indexOf(printed.toLocaleLowerCase("vi"));
  return start < 0 ? undefined : { start, end: start + printed.length };
}

/**
 * At most `limit` characters of the quote around [start, end), cut at spaces, with "…" where it was cut.
 * Every character between the marks is copied from the quote, so a newspaper can print it as a quotation.
 */
export function excerpt(quote: string, start: number, end: number, limit = 200): string {
  if (quote.length <= limit) return withoutListMarker(quote);
  const clause = clauseAround(quote, start, end);
  if (clause.end - clause.start <= limit && clause.end - clause.start >= MIN_CLAUSE) {
    return withEllipses(quote, clause.start, clause.end);
  }
  const room = Math.max(0, limit - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(quote.length, end + (room - (start - from)));
  from = Math.max(0, Math.min(from, to - limit));
  if (from > 0) {
    const space = quote.indexOf(" ", from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < quote.length) {
    const space = quote.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return withEllipses(quote, from, to);
}

/** A clause shorter than this ("kích hoạt trên 60 triệu tài khoản") loses its subject; a window reads better. */
const MIN_CLAUSE = 40;
const CLAUSE_BREAK = /[;,:]/;

/**
 * The clause the figure stands in: between the nearest `,` `;` `:` on either side that are outside
 * parentheses, so "(tăng 200 nghìn, …)" is never cut open in the middle.
 */
function clauseAround(quote: string, start: number, end: number): { start: number; end: number } {
  const depth: number[] = [];
  let level = 0;
  for (const character of quote) {
    if (character === ")") level = Math.max(0, level - 1);
    depth.push(level);
    if (character === "(") level += 1;
  }
  // Code points, not UTF-16 units, were counted above; Vietnamese text has no astral characters, but
  // fall back to the whole quote if it ever does.
  if (depth.length !== quote.length) return { start: 0, end: quote.length };
  const figureDepth = depth[start] ?? 0;
  const isBreak = (index: number) => CLAUSE_BREAK.test(quote.charAt(index)) && depth[index] === figureDepth;
  let from = start;
  while (from > 0 && !isBreak(from - 1) && (depth[from - 1] ?? 0) >= figureDepth) from -= 1;
  let to = end;
  while (to < quote.length && !isBreak(to) && (depth[to] ?? 0) >= figureDepth) to += 1;
  return { start: from, end: to };
}

/** "- Bộ Công an đã cấp…": the dash marks a list item in the report, it is not part of the words quoted. */
function withoutListMarker(text: string): string {
  return text.replace(/^[-+•–]\s+/, "");
}

function withEllipses(quote: string, from: number, to: number): string {
  const body = withoutListMarker(quote.slice(from, to).trim());
  const before = from > 0 ? "…" : "";
  const after = to < quote.length ? "…" : "";
  return `${before}${body}${after}`;
}

/** How a citation names its document: the label, with the number when the label leaves it out. */
export function documentName(citation: Pick<Citation, "label" | "number" | "title">): string {
  if (citation.number && !citation.label.includes(citation.number))
    return `${citation.label} số ${citation.number}`;
  return citation.label;
}

/**
 * The line a journalist pastes under a figure:
 * `Theo Báo cáo số 290/BC-TCTTKĐA ngày 04/02/2025 của Tổ Công tác triển khai Đề án 06: "…"`.
 * `printedDate` is false when the document's date was estimated: a guess must not be printed as fact.
 */
export function pressLine(citation: Citation, quoted: string, lang: Lang, printedDate: boolean): string {
  const name = documentName(citation);
  const date =
    citation.date && printedDate
      ? ` ${lang === "vi" ? dateInSentence(citation.date, lang) : `of ${displayDate(citation.date)}`}`
      : "";
  // Labels such as "Slide của VKSND tối cao" already name the issuer; saying it twice reads badly.
  const namesIssuer = /\b(của|of|by)\b/i.test(name);
  const issuer = citation.issuer && !namesIssuer ? ` ${lang === "vi" ? "của" : "by"} ${citation.issuer}` : "";
  const lead = lang === "vi" ? "Theo" : "According to";
  return `${lead} ${name}${date}${issuer}: "${quoted}"`;
}

/** `trang 12` or `slide 4`: slide decks are cited by slide, everything else by page. */
export function pageWord(documentKind: DocumentSummary["kind"] | undefined, lang: Lang): string {
  if (documentKind === "slides") return "Slide";
  return lang === "vi" ? "Trang" : "Page";
}
