import { type DateMention, endOfIsoPeriod, findDates } from "../core/dates";
import { NUMBER_PATTERN, parseVietnameseNumber, readScaleWord, scaleValue } from "../core/numbers";
import { splitSentences } from "../core/sentences";
import type { Chunk, CleanDocument, Figure, FigureKind } from "../core/types";

/**
 * Figures as the reports print them: `trên 87,9 triệu`, `1.900.482.958`, `73,03%`, `54/76`,
 * `116 nghìn tỷ đồng`. Footnote markers (superscripts after cleaning), section and list numbers, page
 * numbers, document numbers (`290/BC-TCTTKĐA`, `Nghị quyết 175`), dates, years, ordinals and versions
 * (`4.0`, `5G`) are not figures.
 */
export interface FigureMatch {
  text: string;
  start: number;
  end: number;
  value: number;
  values: number[];
  kind: FigureKind;
  qualifier?: string;
  unit?: string;
  change: boolean;
}

const QUANTITY_QUALIFIERS = [
  "lên tới",
  "lên đến",
  "ít nhất",
  "tối thiểu",
  "tối đa",
  "xấp xỉ",
  "gần",
  "trên",
  "hơn",
  "khoảng",
  "ước",
  "tới",
  "gần như",
];
const VERB_QUALIFIERS = ["ước đạt", "đạt", "tăng thêm", "tăng", "giảm", "vượt"];
const CHANGE_QUALIFIERS = new Set(["tăng thêm", "tăng", "giảm", "vượt"]);
const CURRENCY = /^(đồng|VNĐ|VND|USD|đô la|đô|tỷ đồng)(?![\p{L}])/u;

// A number right after these words names a document, an article, an edition or a rank, not a quantity.
const REFERENCE_BEFORE =
  /(?:^|[\s(])(?:số|Số|Nghị quyết|nghị quyết|Nghị định|nghị định|Quyết định|quyết định|Chỉ thị|chỉ thị|Thông tư|thông tư|Công điện|công điện|Kế hoạch|kế hoạch|Thông báo|thông báo|Công văn|công văn|Văn bản|văn bản|Tờ trình|Luật|Điều|điều|khoản|điểm|mục|Mục|Phụ lục|phụ lục|Chương|Đề án|đề án|kỳ họp thứ|lần thứ|khóa|Khóa|lần|phiên bản|mùa|lớp|hạng|top|cấp độ|mức độ|mức|Tổ công tác|Kết luận|kết luận|Hội nghị|Tổ|giai đoạn|Quý|quý|Chỉ tiêu|Covid-|COVID-|Version|Nghị quyết số)\s*$/u;
const ORDINAL_BEFORE = /(?:^|\s)thứ\s*$/u;

const UNIT_STOP_WORDS = new Set([
  "được",
  "đã",
  "đang",
  "sẽ",
  "của",
  "với",
  "và",
  "trên",
  "tại",
  "trong",
  "theo",
  "so",
  "cho",
  "là",
  "có",
  "để",
  "từ",
  "đến",
  "về",
  "thì",
  "khi",
  "do",
  "vào",
  "ra",
  "như",
  "này",
  "đó",
  "gồm",
  "bằng",
  "qua",
  "tăng",
  "giảm",
  "đạt",
  "hoặc",
  "mà",
  "nhưng",
  "cùng",
  "thuộc",
  "không",
  "chưa",
  "còn",
  "trong",
  "vượt",
  "chiếm",
  "tương",
]);
const MAX_UNIT_WORDS = 7;

const TARGET_WORDS = /(chỉ tiêu|mục tiêu|phấn đấu|đề ra|kế hoạch đặt ra|yêu cầu đạt|đặt mục tiêu)/iu;
const AS_OF_CUES = new Set(["tinh den", "tinh den het", "tinh den ngay", "den", "den ngay", "den het"]);

const FIGURE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/\-–])(${NUMBER_PATTERN})(?:\s*/\s*(${NUMBER_PATTERN}))?(\s*%)?`,
  "gu",
);

/** Qualifier words right before a number: `trên`, `hơn`, `khoảng`… (kept in the figure's text) and `đạt`, `tăng`… */
function qualifierBefore(before: string): { qualifier?: string; printedLength: number; change: boolean } {
  const trimmed = before.trimEnd();
  let rest = trimmed.toLowerCase();
  let printedLength = 0;
  let quantity: string | undefined;
  for (const word of QUANTITY_QUALIFIERS) {
    if (rest.endsWith(word) && /(?:^|\s)$/u.test(rest.slice(0, rest.length - word.length))) {
      quantity = word;
      printedLength = before.length - trimmed.length + word.length;
      rest = rest.slice(0, rest.length - word.length).trimEnd();
      break;
    }
  }
  const verb = VERB_QUALIFIERS.find(
    (word) => rest.endsWith(word) && /(?:^|\s)$/u.test(rest.slice(0, rest.length - word.length)),
  );
  const qualifier = [verb, quantity].filter(Boolean).join(" ");
  return {
    ...(qualifier ? { qualifier } : {}),
    printedLength,
    change: verb !== undefined && CHANGE_QUALIFIERS.has(verb),
  };
}

/** The counted noun after a figure: `tài khoản VNeID`, `dịch vụ công thiết yếu`, `hồ sơ`. */
function unitAfter(after: string): string | undefined {
  const words: string[] = [];
  for (const raw of after
    .trimStart()
    .split(/\s+/)
    .slice(0, MAX_UNIT_WORDS + 1)) {
    // An opening quote or bracket starts an aside (`15 bậc (xếp thứ 71/193…)`), not more of the unit.
    if (words.length > 0 && /^[“"(]/.test(raw)) break;
    const word = raw.replace(/^[“"(]+/, "");
    const bare = word.replace(/[,.;:)”"!?…⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, "");
    if (!/^[\p{L}][\p{L}\p{N}\-/]*$/u.test(bare) || UNIT_STOP_WORDS.has(bare.toLowerCase())) break;
    words.push(bare);
    if (bare !== word || words.length >= MAX_UNIT_WORDS) break;
  }
  return words.length > 0 ? words.join(" ") : undefined;
}

function overlapsDate(dates: DateMention[], start: number, end: number): boolean {
  return dates.some((date) => start < date.end && end > date.start);
}

function isYearLike(printed: string, hasPercent: boolean, hasScale: boolean): boolean {
  const value = Number(printed);
  return /^\d{4}$/.test(printed) && value >= 1945 && value <= 2050 && !hasPercent && !hasScale;
}

/** True when the number is a label or a code rather than a quantity. */
function isNotAQuantity(sentence: string, start: number, end: number, hasRatio: boolean): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (REFERENCE_BEFORE.test(before)) return true;
  if (!hasRatio && ORDINAL_BEFORE.test(before)) return true;
  // Codes and versions: `5G`, `4.0`, `57-NQ/TW`, `290 /BC-TCTTKĐA`, `06/CP`, `220/380V`.
  if (/^[\p{L}\p{N}]/u.test(after) && !/^\s/.test(after)) return true;
  if (/^[.,]\d/.test(after)) return true;
  if (/^\s*[/\-–]\s*\p{L}/u.test(after) || /^\s*[-–]\s*\d/u.test(after)) return true;
  // List labels: `(1)`, `1.` at the start of a sentence, `2)`.
  if (/\($/.test(before) && /^\)/.test(after) && /^\d{1,2}$/.test(sentence.slice(start, end))) return true;
  if (before.trim() === "" && /^[.)]\s/.test(after)) return true;
  if (/^\s*tuổi/u.test(after)) return true;
  return false;
}

/** Every figure in one sentence, with offsets relative to the sentence. */
export function findFiguresInSentence(sentence: string): FigureMatch[] {
  const dates = findDates(sentence);
  const figures: FigureMatch[] = [];
  FIGURE_PATTERN.lastIndex = 0;
  for (let match = FIGURE_PATTERN.exec(sentence); match; match = FIGURE_PATTERN.exec(sentence)) {
    const numerator = match[1] ?? "";
    const denominator = match[2];
    const hasPercent = Boolean(match[3]);
    const start = match.index;
    let end = start + match[0].length;
    if (overlapsDate(dates, start, end)) continue;
    if (isNotAQuantity(sentence, start, end, denominator !== undefined)) continue;
    const first = parseVietnameseNumber(numerator);
    const second = denominator !== undefined ? parseVietnameseNumber(denominator) : undefined;
    if (first === undefined || (denominator !== undefined && second === undefined)) continue;
    const rest = sentence.slice(end);
    const scale =
      hasPercent || denominator !== undefined ? undefined : readScaleWord(rest.replace(/^\s+/, ""));
    if (isYearLike(numerator, hasPercent, scale !== undefined) && denominator === undefined) continue;
    let value = first;
    if (scale) {
      end += rest.length - rest.replace(/^\s+/, "").length + scale.length;
      value = scaleValue(first, scale.factor);
    }
    let kind: FigureKind = hasPercent ? "percent" : denominator !== undefined ? "ratio" : "count";
    const currency = CURRENCY.exec(sentence.slice(end).replace(/^\s+/, ""));
    let unit: string | undefined;
    if (hasPercent) unit = "%";
    else if (currency?.[1]) {
      end += sentence.slice(end).length - sentence.slice(end).replace(/^\s+/, "").length + currency[1].length;
      kind = "money";
      unit = currency[1];
    } else unit = unitAfter(sentence.slice(end));
    const qualifier = qualifierBefore(sentence.slice(Math.max(0, start - 20), start));
    const textStart = start - qualifier.printedLength;
    figures.push({
      text: sentence.slice(textStart, end),
      start: textStart,
      end,
      value,
      values: second !== undefined ? [first, second] : [value],
      kind,
      change: qualifier.change,
      ...(qualifier.qualifier ? { qualifier: qualifier.qualifier } : {}),
      ...(unit ? { unit } : {}),
    });
  }
  return figures;
}

/**
 * A goal rather than a result: target words (`chỉ tiêu`, `phấn đấu`…) before the figure in its sentence,
 * outside parentheses, so `67 triệu tài khoản (vượt 225% chỉ tiêu)` stays a result.
 */
function isTarget(sentence: string, figureStart: number): boolean {
  const before = sentence.slice(0, figureStart).replace(/\([^()]*\)/g, " ");
  return TARGET_WORDS.test(before);
}

/** The as-of date a sentence states for its figures (`Tính đến ngày 15/01/2025`), when not later than the document's. */
function sentenceAsOf(sentence: string, documentAsOf: string): string | undefined {
  for (const date of findDates(sentence)) {
    if (!date.cue || !AS_OF_CUES.has(date.cue)) continue;
    if (date.precision === "quarter" || date.precision === "half") continue;
    if (endOfIsoPeriod(date.iso) > endOfIsoPeriod(documentAsOf)) continue;
    return date.iso;
  }
  return undefined;
}

function chunkAt(chunks: Chunk[], offset: number): Chunk | undefined {
  return chunks.find((chunk) => offset >= chunk.start && offset < chunk.end);
}

/** Every figure in a cleaned document, located in its chunks. */
export function extractFigures(document: CleanDocument, chunks: Chunk[]): Figure[] {
  const figures: Figure[] = [];
  const documentChunks = chunks.filter((chunk) => chunk.docId === document.meta.id);
  for (const sentence of splitSentences(document.text)) {
    const found = findFiguresInSentence(sentence.text);
    if (found.length === 0) continue;
    const asOf = sentenceAsOf(sentence.text, document.meta.asOf) ?? document.meta.asOf;
    for (const match of found) {
      const start = sentence.start + match.start;
      const chunk = chunkAt(documentChunks, start);
      if (!chunk) continue;
      figures.push({
        id: `${document.meta.id}:f${figures.length}`,
        docId: document.meta.id,
        chunkId: chunk.id,
        text: match.text,
        value: match.value,
        values: match.values,
        kind: match.kind,
        target: isTarget(sentence.text, match.start),
        change: match.change,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        start,
        end: sentence.start + match.end,
        asOf,
        sectionPath: chunk.sectionPath,
        ...(match.qualifier ? { qualifier: match.qualifier } : {}),
        ...(match.unit ? { unit: match.unit } : {}),
        ...(chunk.page !== undefined ? { page: chunk.page } : {}),
      });
    }
  }
  return figures;
}
