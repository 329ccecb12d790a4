import { splitSentences } from "../core/sentences";
import type { Chunk, CleanDocument, Figure, FigureKind, Footnote } from "../core/types";
import { datesIn as findDates } from "./dates-in";
import { asOfOf } from "./figure-as-of";
import { countedNounAfter } from "./figure-clause";
import { DIRECTIVE_HEADING, type FigureFlags, flagsOf } from "./figure-flags";
import { type Measure, type ReadFigure, readMeasures, type SentenceFigure } from "./figure-measure";
import { isNotAFigure } from "./not-a-figure";
import { FIGURE_PATTERN, perAt, readPrintedNumber } from "./read-figure";

/**
 * Figures as the reports print them: `trên 87,9 triệu`, `1.900.482.958`, `73,03%`, `54/76`,
 * `116 nghìn tỷ đồng`, `6 nghìn 200 tỷ VNĐ`, each with what it counts (its measure), its rate's per, and
 * whether it is a result, a goal, a change, a projection or an earlier value. Footnote markers, list and
 * page numbers, document numbers, dates, names, slogans and titles are not figures.
 */
export interface FigureMatch extends FigureFlags {
  text: string;
  start: number;
  end: number;
  value: number;
  values: number[];
  kind: FigureKind;
  qualifier?: string;
  unit?: string;
  per?: string;
  measure: Measure;
  asOf: string;
}

export interface SentenceContext {
  documentAsOf: string;
  sectionPath: string[];
  /** The sentence is (part of) a footnote's text. */
  isFootnote?: boolean;
  /** The sentence is a section heading: `2. Kết quả … theo 05 nhóm tiện ích của Đề án 06`. */
  isHeading?: boolean;
  /** The label the sentence's paragraph opens with (`+ Đối tượng bảo trợ xã hội:`). */
  label?: string;
  /** For a footnote's breakdown: the measure of the figure the footnote details, by counted noun. */
  footnoteParent?: (noun: string) => Measure | undefined;
}

const QUANTITY_QUALIFIERS = [
  "lên tới",
  "lên đến",
  "ít nhất",
  "tối thiểu",
  "tối đa",
  "xấp xỉ",
  "gần như",
  "gần",
  "trên",
  "hơn",
  "khoảng",
  "ước",
  "tới",
  "~",
  ">",
];
const VERB_QUALIFIERS = ["ước đạt", "đạt", "tăng thêm", "tăng", "giảm thêm", "cắt giảm", "giảm", "vượt"];
/** `vượt` is a change only against a goal or a base: `vượt 225% chỉ tiêu`, `vượt 6,97% so với chỉ tiêu`. */
const BEYOND = /^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)/u;
const WORD_BOUNDARY_BEFORE = /(?:^|[\s(“",;:])$/u;
/** Words after a bare `tỷ` that make it money: `kinh phí 49,69 tỷ`, `được cấp 20 tỷ`, `gói 25 nghìn tỷ`. */
const MONEY_CONTEXT = /(?:kinh phí|tiền|ngân sách|vốn|đồng|chi phí|doanh thu|gói)/iu;
/** A scope the sentence opens with, kept in every measure: `(1) Trên lĩnh vực ngân hàng, …`. */
const SCOPE_OPENING = /^(?:\(?\d{1,2}[.)]\s*|[-–+]\s*)?(?:trên|trong)\s+(lĩnh vực\s+[^,:]{2,60}?)\s*[,:]/iu;

/** Qualifier words right before a number: `trên`, `hơn`, `khoảng`… (kept in the figure's text) and `đạt`, `tăng`… */
function qualifierBefore(before: string): { qualifier?: string; verb?: string; printedLength: number } {
  const trimmed = before.trimEnd();
  let rest = trimmed.toLowerCase();
  let printedLength = 0;
  let quantity: string | undefined;
  for (const word of QUANTITY_QUALIFIERS) {
    if (rest.endsWith(word) && WORD_BOUNDARY_BEFORE.test(rest.slice(0, rest.length - word.length))) {
      quantity = word;
      printedLength = before.length - trimmed.length + word.length;
      rest = rest.slice(0, rest.length - word.length).trimEnd();
      break;
    }
  }
  const verb = VERB_QUALIFIERS.find(
    (word) => rest.endsWith(word) && WORD_BOUNDARY_BEFORE.test(rest.slice(0, rest.length - word.length)),
  );
  const qualifier = [verb, quantity].filter(Boolean).join(" ");
  return { ...(qualifier ? { qualifier } : {}), ...(verb ? { verb } : {}), printedLength };
}

interface Found extends SentenceFigure {
  value: number;
  values: number[];
  per?: string;
  qualifier?: string;
  verb?: string;
}

/** The numbers of a sentence that are figures, with their qualifier, kind and currency. */
function numbersIn(sentence: string, inDirective: boolean): Found[] {
  const dates = findDates(sentence);
  const found: Found[] = [];
  FIGURE_PATTERN.lastIndex = 0;
  for (let match = FIGURE_PATTERN.exec(sentence); match; match = FIGURE_PATTERN.exec(sentence)) {
    const printed = readPrintedNumber(sentence, match);
    if (!printed) continue;
    if (dates.some((date) => printed.start < date.end && printed.end > date.start)) continue;
    const qualifier = qualifierBefore(sentence.slice(Math.max(0, printed.start - 20), printed.start));
    const start = printed.start - qualifier.printedLength;
    const rawEnd = match.index + match[0].length;
    const notAFigure = isNotAFigure(
      sentence,
      {
        start: printed.start,
        end: rawEnd,
        printed: match[1] ?? "",
        isRatio: printed.kind === "ratio",
        hasScaleOrPercent: printed.kind === "percent" || printed.end > rawEnd,
      },
      start,
      inDirective,
    );
    if (notAFigure) continue;
    FIGURE_PATTERN.lastIndex = Math.max(FIGURE_PATTERN.lastIndex, printed.end);
    let kind = printed.kind;
    const countsSomething = Boolean(countedNounAfter(sentence, printed.end));
    if (
      kind === "count" &&
      /tỷ$/u.test(sentence.slice(start, printed.end)) &&
      !countsSomething &&
      MONEY_CONTEXT.test(sentence.slice(0, start))
    )
      kind = "money";
    const verb =
      qualifier.verb === "vượt" && !BEYOND.test(sentence.slice(printed.end)) ? undefined : qualifier.verb;
    found.push({
      start,
      end: printed.end,
      numberStart: printed.start,
      kind,
      value: printed.value,
      values: printed.values,
      ...(printed.unit ? { unit: printed.unit } : {}),
      ...(printed.per ? { per: printed.per } : {}),
      ...(qualifier.qualifier ? { qualifier: qualifier.qualifier } : {}),
      ...(verb ? { verb } : {}),
    });
  }
  return found;
}

/** The counted noun as printed, with a rate's per: `lượt truy cập/ngày`, `đồng/giao dịch`, `khách/năm`. */
function unitAndPer(sentence: string, figure: Found, read: ReadFigure): { unit?: string; per?: string } {
  if (figure.kind === "percent") {
    const per = perAt(sentence.slice(figure.end))?.per ?? perWordAround(sentence, figure, read);
    return { unit: "%", ...(per ? { per } : {}) };
  }
  if (figure.kind === "money") {
    const per = figure.per ?? perWordAround(sentence, figure, read);
    return figure.unit
      ? { unit: per ? `${figure.unit}/${per}` : figure.unit, ...(per ? { per } : {}) }
      : per
        ? { per }
        : {};
  }
  const noun = countedNounAfter(sentence, figure.end);
  let unit = noun?.text;
  let per: string | undefined;
  if (unit?.includes("/")) {
    const [counted, rate] = unit.split("/").map((part) => part.trim());
    if (
      rate &&
      /^(?:ngày|tháng|năm|tuần|giờ|giây|phút|người|hồ sơ|thẻ|giao dịch|lượt|CSKD|đơn vị)$/iu.test(rate)
    ) {
      unit = counted;
      per = rate;
    }
  }
  if (!per) {
    // The per may follow the counted noun's complement: `1,5 triệu lượt truy cập vào VNeID/ 01 ngày`.
    const after = sentence.slice(read.nounEnd ?? figure.end, (read.nounEnd ?? figure.end) + 30);
    const slash = /^[^,;()/]*?(\/\s*(?:0?1\s+)?\p{L}+)/u.exec(after);
    const found = slash?.[1] ? perAt(slash[1]) : undefined;
    // `13 giây/ 01 lượt`: a `01` after the slash makes any noun a per.
    const explicitOne = /^\/\s*0?1\s/u.test(slash?.[1] ?? "");
    if (found && (explicitOne || /^(?:ngày|tháng|năm|tuần|giờ|giây|phút)$/u.test(found.per))) per = found.per;
  }
  per ??= perWordAround(sentence, figure, read);
  if (!unit) return per ? { per } : {};
  return { unit: per ? `${unit}/${per}` : unit, ...(per ? { per } : {}) };
}

/** `tiết kiệm hằng năm trên 2,5 nghìn tỷ đồng`, `1 triệu thí sinh … mỗi năm`: a rate named in words. */
function perWordAround(sentence: string, figure: Found, read: ReadFigure): string | undefined {
  const before = /(?:hằng|hàng|mỗi)\s+(ngày|tháng|năm|tuần)\s*$/iu.exec(
    sentence.slice(Math.max(0, figure.start - 16), figure.start),
  );
  const afterFrom = read.nounEnd ?? figure.end;
  const after = /^\s*(?:mỗi|hằng|hàng|\/)\s*(ngày|tháng|năm|tuần)(?![\p{L}])/iu.exec(
    sentence.slice(afterFrom),
  );
  return (before?.[1] ?? after?.[1])?.toLowerCase();
}

function scopeOf(sentence: string): string | undefined {
  const match = SCOPE_OPENING.exec(sentence);
  return match?.[1] ? `trong ${match[1].trim()}` : undefined;
}

/** Every figure in one sentence, with offsets relative to the sentence. */
export function findFiguresInSentence(
  sentence: string,
  context: SentenceContext = { documentAsOf: "9999", sectionPath: [] },
): FigureMatch[] {
  if (context.isHeading) return [];
  const inDirective = context.sectionPath.some((heading) => DIRECTIVE_HEADING.test(heading.toUpperCase()));
  const found = numbersIn(sentence, inDirective);
  if (found.length === 0) return [];
  const scope = scopeOf(sentence);
  const read = readMeasures(sentence, found, {
    ...(context.footnoteParent ? { footnoteParent: context.footnoteParent } : {}),
    ...(scope ? { scope } : {}),
    isFootnote: context.isFootnote ?? /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(sentence),
    ...(context.label ? { label: context.label } : {}),
  });
  const flags = flagsOf(
    read,
    found.map((figure) => ({
      sentence,
      documentAsOf: context.documentAsOf,
      sectionPath: context.sectionPath,
      ...(figure.verb ? { verb: figure.verb } : {}),
      ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
    })),
  );
  const units = found.map((figure, index) => unitAndPer(sentence, figure, read[index] as ReadFigure));
  return found.map((figure, index) => {
    const figureRead = read[index] as ReadFigure;
    const figureFlags = flags[index] as FigureFlags;
    const { unit, per } = units[index] ?? {};
    const parentPer = figureRead.parent !== undefined ? found[figureRead.parent]?.per : undefined;
    // `từ 06 giây đến 13 giây/ 01 lượt`: both ends of a range share the per printed after the second.
    const rangeEndPer = read.findIndex((other) => other.parent === index && other.relation === "range");
    const effectivePer =
      per ??
      (figureRead.relation === "conversion" ? parentPer : undefined) ??
      (rangeEndPer !== -1 ? units[rangeEndPer]?.per : undefined);
    return {
      text: sentence.slice(figure.start, figure.end),
      start: figure.start,
      end: figure.end,
      value: figure.value,
      values: figure.values,
      kind: figure.kind,
      ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
      // A converted rate keeps its per in the unit too: `6 nghìn 200 tỷ VNĐ` after `250 triệu đô/năm`.
      ...(unit ? { unit: effectivePer && !per ? `${unit}/${effectivePer}` : unit } : {}),
      ...(effectivePer ? { per: effectivePer } : {}),
      measure: figureRead.measure,
      ...figureFlags,
      asOf: asOfOf(sentence, figureRead, figureFlags.earlier, context.documentAsOf),
    };
  });
}

const LABEL =
  /^\s*(?:[-–+•»]\s*|\(\d{1,2}\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[a-zđ]\)\s*)?(?:Về\s+|Đối với\s+)?(\p{Lu}[^:;.\d()“”"]{2,70}?):\s/u;
const NOT_A_LABEL = /(?:^|\s)(?:đã|đang|được|sẽ|là|gồm|cụ thể|như sau|trong đó)(?:\s|$)/iu;

/** The label a paragraph opens with, naming what its figures are about (`- Dữ liệu bảo hiểm: …`). */
function paragraphLabel(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const match = LABEL.exec(text.slice(lineStart, lineStart + 90));
  const label = match?.[1]?.trim();
  if (!label || NOT_A_LABEL.test(label) || label.split(/\s+/).length > 9) return undefined;
  // A body named before its own report (`5.1. Bộ Công an: …`, `» Công an tỉnh: …`) is who, not what.
  if (
    /^(?:Bộ|Ủy ban|UBND|Sở|Công an|Văn phòng|Bảo hiểm xã hội|Ngân hàng|Tập đoàn|Điện lực|Tòa án|Viện)(?![\p{L}])/u.test(
      label,
    )
  )
    return undefined;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A heading line: it opens a section, ends without a full stop and is short. */
function isHeadingLine(document: CleanDocument, sentence: { start: number; text: string }): boolean {
  if (/[.;:!?…]["”’)]*$/u.test(sentence.text) || sentence.text.split(/\s+/).length > 25) return false;
  return document.sections.some((section) => section.start === sentence.start);
}

function chunkAt(chunks: Chunk[], offset: number): Chunk | undefined {
  return chunks.find((chunk) => offset >= chunk.start && offset < chunk.end);
}

/** The document's figures with the measures of their own: a footnote's breakdown reads its parent's. */
export interface ExtractedFigure {
  figure: Figure;
  measure: Measure;
}

/**
 * For a footnote sentence, the measure of the figure its marker follows: the footnote details that figure
 * (`32 CSDL²⁸ đã có nền tảng` → `²⁸ Bộ Công an 12 CSDL; …`), so its items read as that measure of each body.
 */
function footnoteParentFor(
  footnote: Footnote | undefined,
  earlier: ExtractedFigure[],
): ((noun: string) => Measure | undefined) | undefined {
  if (footnote?.referenceAt === undefined) return undefined;
  const referenceAt = footnote.referenceAt;
  const referencing = earlier.filter(
    ({ figure }) =>
      figure.sentenceStart <= referenceAt && referenceAt <= figure.sentenceStart + figure.sentence.length,
  );
  if (referencing.length === 0) return undefined;
  // The figure the marker follows (`32 CSDL²⁸`) comes first; else one counting the same noun.
  const marked = referencing.filter(({ figure }) => figure.end <= referenceAt).at(-1);
  const markedNoun = marked && referenceAt - marked.figure.end < 40 ? marked : undefined;
  return (noun) => {
    const head = noun.split(/\s+/).slice(0, 2).join(" ").toLowerCase();
    if (markedNoun?.measure.head.toLowerCase().startsWith(head)) return markedNoun.measure;
    const sameNoun = referencing.find(({ measure }) => measure.head.toLowerCase().startsWith(head));
    return sameNoun?.measure ?? markedNoun?.measure;
  };
}

/** Every figure in a cleaned document, located in its chunks. Series are assigned later, across documents. */
export function extractFigures(document: CleanDocument, chunks: Chunk[]): ExtractedFigure[] {
  const extracted: ExtractedFigure[] = [];
  const documentChunks = chunks.filter((chunk) => chunk.docId === document.meta.id);
  for (const sentence of splitSentences(document.text)) {
    const chunk = chunkAt(documentChunks, sentence.start);
    // A footnote's text may run over several lines; each line is read as part of it.
    const footnote = document.footnotes.find(
      (candidate) =>
        (sentence.start >= candidate.start - 6 && sentence.start < candidate.end) ||
        // A line right after a footnote that goes on counting (`13 Bộ, ngành gồm: …`) continues it.
        (sentence.start - candidate.end <= 2 &&
          sentence.start > candidate.end - 1 &&
          /^\d{1,3}\s+\p{L}/u.test(sentence.text)),
    );
    const footnoteParent = footnoteParentFor(footnote, extracted);
    const label = paragraphLabel(document.text, sentence.start);
    const found = findFiguresInSentence(sentence.text, {
      documentAsOf: document.meta.asOf,
      sectionPath: chunk?.sectionPath ?? [],
      isFootnote: footnote !== undefined,
      isHeading: isHeadingLine(document, sentence),
      ...(label ? { label } : {}),
      ...(footnoteParent ? { footnoteParent } : {}),
    });
    for (const match of found) {
      const start = sentence.start + match.start;
      const figureChunk = chunkAt(documentChunks, start);
      if (!figureChunk) continue;
      extracted.push({
        measure: match.measure,
        figure: {
          id: `${document.meta.id}:f${extracted.length}`,
          docId: document.meta.id,
          chunkId: figureChunk.id,
          text: match.text,
          value: match.value,
          values: match.values,
          kind: match.kind,
          measure: match.measure.text,
          series: "",
          target: match.target,
          change: match.change,
          projected: match.projected,
          earlier: match.earlier,
          sentence: sentence.text,
          sentenceStart: sentence.start,
          start,
          end: sentence.start + match.end,
          asOf: match.asOf,
          sectionPath: figureChunk.sectionPath,
          ...(match.qualifier ? { qualifier: match.qualifier } : {}),
          ...(match.unit ? { unit: match.unit } : {}),
          ...(match.per ? { per: match.per } : {}),
          ...(figureChunk.page !== undefined ? { page: figureChunk.page } : {}),
        },
      });
    }
  }
  return extracted;
}
