import { type DateMention, findDates } from "../core/dates";
import type { DocumentKind, DocumentMeta } from "../core/types";
import { findGlossaryMatches, foldPhrase } from "./glossary";

/**
 * Which report a question points at ("theo báo cáo tháng 1/2025", "tại hội nghị tháng 12/2023",
 * "according to the Procuracy slides", "Kế hoạch 51"), read from each document's metadata: its aliases,
 * and otherwise a word for its kind (báo cáo, slide, kết luận, hội nghị…) together with something only it
 * has — its issue or as-of month, its issuer, its number. The words of the reference are then context,
 * not topic: they are blanked before the question's concepts are built.
 */
export interface DocumentReference {
  ids: string[];
  /** [start, end) spans of the reference in ` ${folded} ` (one leading space). */
  spans: Array<[number, number]>;
  /** The reference names its document's time ("tháng 1/2025" in "báo cáo tháng 1/2025"): not a time constraint. */
  datesUsed: boolean;
}

const KIND_WORDS: Record<DocumentKind, string[]> = {
  report: ["bao cao", "bc", "report", "review", "tong ket"],
  conclusion: ["ket luan", "kl", "hoi nghi", "hn", "conclusion", "conference", "meeting"],
  slides: ["slide", "slides", "deck", "trinh chieu", "bai trinh bay", "presentation"],
  plan: ["ke hoach", "kh", "plan"],
  other: ["van ban", "tai lieu", "document"],
};

/** A kind word and the distinguishing words must stand this close (characters) to form one reference. */
const NEAR = 40;

interface Found {
  start: number;
  end: number;
}

function occurrences(padded: string, wording: string): Found[] {
  const found: Found[] = [];
  if (wording.length < 2) return found;
  for (let at = padded.indexOf(` ${wording} `); at !== -1; at = padded.indexOf(` ${wording} `, at + 1)) {
    found.push({ start: at + 1, end: at + 1 + wording.length });
  }
  return found;
}

/** Kind words a title may use, with the shorthand people type for them. */
const TITLE_WORDS: Record<string, string[]> = {
  "hoi nghi": ["hoi nghi", "hn", "conference"],
  "ket luan": ["ket luan", "kl", "conclusion"],
  "tong ket": ["tong ket", "review"],
  "ke hoach": ["ke hoach", "kh", "plan"],
  "bao cao": ["bao cao", "bc", "report"],
  slide: ["slide", "slides", "deck"],
};

function kindWordsOf(document: DocumentMeta): string[] {
  const title = foldPhrase(`${document.title} ${document.label}`);
  const fromTitle = Object.entries(TITLE_WORDS).flatMap(([word, forms]) =>
    title.includes(word) ? forms : [],
  );
  return [...new Set([...KIND_WORDS[document.kind], ...fromTitle])];
}

/** Wordings that name the issuer: its name, and every glossary wording (acronym, English) of that name. */
function issuerWordings(document: DocumentMeta): string[] {
  if (!document.issuer) return [];
  const issuer = foldPhrase(document.issuer);
  // A generic issuer ("Ủy ban nhân dân tỉnh") names many documents' authors: only distinctive ones count.
  if (issuer.split(" ").length < 3) return [];
  const wordings = new Set([issuer]);
  for (const match of findGlossaryMatches(issuer)) {
    if (match.matched !== issuer) continue;
    for (const entry of match.entries) for (const wording of entry.wordings) wordings.add(wording);
  }
  return [...wordings].filter((wording) => wording.length >= 4);
}

function numberWordings(document: DocumentMeta): string[] {
  const digits = document.number?.match(/^\d+/)?.[0];
  return digits ? [digits, foldPhrase(document.number ?? "")] : [];
}

/** Whether a month or day the question names holds the document's issue date or as-of month. */
function holdsDocumentTime(mention: DateMention, document: DocumentMeta): boolean {
  const times = [document.date, document.asOf].filter((time): time is string => Boolean(time));
  return times.some((time) => {
    const month = time.slice(0, 7);
    return mention.periodStart.slice(0, 7) <= month && month <= mention.periodEnd.slice(0, 7);
  });
}

/** Where the question's month and day mentions stand, split by whether they hold the document's time. */
function documentDates(
  mentions: DateMention[],
  folded: string,
  document: DocumentMeta,
): { holding: Found[]; other: Found[] } {
  const holding: Found[] = [];
  const other: Found[] = [];
  const padded = ` ${folded} `;
  for (const mention of mentions) {
    if (mention.precision === "year") continue;
    const spans = occurrences(padded, foldPhrase(mention.text));
    (holdsDocumentTime(mention, document) ? holding : other).push(...spans);
  }
  return { holding, other };
}

/** Kinds of document the reports cite but never are, folded (a pattern's alternatives). */
export const CITED_DOCUMENT_KINDS =
  "chi thi|nghi quyet|nghi dinh|quyet dinh|thong tu|cong van|thong bao|to trinh|cong dien|luat|directive|resolution|decree|decision|circular|dispatch|law";

// "Chỉ thị số 51" cites another document whatever its number, and "Thông báo kết luận" is a kind of notice,
// not the conference's conclusion: an alias or kind word after such a word is not a reference.
const OTHER_DOCUMENT_BEFORE = new RegExp(`\\b(?:${CITED_DOCUMENT_KINDS})\\s*(?:so\\s*)?$`);

const citesAnother = (padded: string, span: Found) => OTHER_DOCUMENT_BEFORE.test(padded.slice(0, span.start));

// "tổ chức bao nhiêu hội nghị toàn quốc", "how many meetings": a kind word the question counts is the
// thing counted, not the document it points at.
const COUNTED_BEFORE = /\b(?:bao nhieu|bn|may|how many)\s*$/;

const counted = (padded: string, span: Found) => COUNTED_BEFORE.test(padded.slice(0, span.start));

const near = (a: Found, b: Found) => a.start - b.end <= NEAR && b.start - a.end <= NEAR;

interface ReferenceWords {
  aliases: string[];
  kinds: string[];
  marks: string[];
}

// What names a document depends only on its metadata: read once per document.
const wordsCache = new WeakMap<DocumentMeta, ReferenceWords>();

function referenceWords(document: DocumentMeta): ReferenceWords {
  let words = wordsCache.get(document);
  if (!words) {
    words = {
      aliases: document.aliases.map(foldPhrase).filter((alias) => alias.length >= 4),
      kinds: kindWordsOf(document),
      marks: [...issuerWordings(document), ...numberWordings(document)],
    };
    wordsCache.set(document, words);
  }
  return words;
}

function referenceTo(
  mentions: DateMention[],
  folded: string,
  document: DocumentMeta,
): { spans: Found[]; dated: boolean } {
  const padded = ` ${folded} `;
  const words = referenceWords(document);
  const aliasSpans = words.aliases
    .flatMap((alias) => occurrences(padded, alias))
    .filter((span) => !citesAnother(padded, span));
  const kinds = words.kinds
    .flatMap((word) => occurrences(padded, word))
    .filter((span) => !citesAnother(padded, span) && !counted(padded, span));
  if (aliasSpans.length === 0 && kinds.length === 0) return { spans: [], dated: false };
  const marks = words.marks.flatMap((wording) => occurrences(padded, wording));
  const { holding: dates, other: otherDates } = documentDates(mentions, folded, document);
  const spans: Found[] = [...aliasSpans];
  let dated = false;
  for (const kind of kinds) {
    const besideMarks = marks.filter((mark) => near(kind, mark));
    const besideDates = dates.filter((date) => near(kind, date));
    if (besideMarks.length + besideDates.length === 0) continue;
    // "báo cáo tháng 01/2025 của Tổ công tác": the issuer wrote several reports, and the month says which.
    if (besideDates.length === 0 && otherDates.some((date) => near(kind, date))) continue;
    spans.push(kind, ...besideMarks, ...besideDates);
    if (besideDates.length > 0) dated = true;
  }
  for (const alias of aliasSpans) {
    // "bài trình bày của Viện kiểm sát nhân dân tối cao": an alias may stop short of the issuer's full name.
    spans.push(...marks.filter((mark) => near(alias, mark)));
    const besideDates = dates.filter((date) => near(alias, date));
    if (besideDates.length > 0) {
      spans.push(...besideDates);
      dated = true;
    }
  }
  return { spans, dated };
}

export function findDocumentReference(
  question: string,
  folded: string,
  documents: DocumentMeta[],
): DocumentReference {
  const ids: string[] = [];
  const spans: Array<[number, number]> = [];
  let datesUsed = false;
  const mentions = findDates(question);
  for (const document of documents) {
    const found = referenceTo(mentions, folded, document);
    if (found.spans.length === 0) continue;
    ids.push(document.id);
    spans.push(...found.spans.map((span): [number, number] => [span.start, span.end]));
    datesUsed ||= found.dated;
  }
  return { ids, spans, datesUsed };
}
