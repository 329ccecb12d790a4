import { normalizeText, SUPERSCRIPT_DIGITS, toSuperscript } from "../core/text";
import type { Footnote, PageSpan } from "../core/types";

/**
 * Turns PDF-extracted text into clean paragraphs: NFC, no emphasis marks, lines broken mid-sentence
 * rejoined, lone page and slide numbers and running footers dropped, footnote markers separated from the
 * words they are glued to (`Đề án 061` → `Đề án 06¹`) and each footnote's text placed right after the
 * paragraph that references it.
 *
 * The cleaned text has one paragraph per line; every offset the index stores points into it.
 */
export interface CleanText {
  text: string;
  /** Empty when the input had no page or slide boundaries. */
  pages: PageSpan[];
  footnotes: Footnote[];
}

export interface CleanOptions {
  /** Slides: a page break always ends a paragraph, and pages are numbered as slides. */
  slides?: boolean;
}

interface Line {
  text: string;
  page: number;
  /** Blank lines between this line and the previous non-blank one. */
  blankBefore: number;
  /** A page or slide starts with this line. */
  pageStart: boolean;
}

interface Reference {
  line: number;
  at: number;
  length: number;
  marker: string;
}

interface FootnoteDraft {
  marker: string;
  lines: number[];
  /** Text of the first line after the marker. */
  firstText: string;
  reference?: Reference;
  defLine: number;
}

interface Paragraph {
  lines: number[];
  text: string;
  page: number;
  footnote?: FootnoteDraft;
}

const PAGE_NUMBER_LINE = /^\d{1,3}$/;
const TERMINAL = /[.!?…:;]["”’)\]]*$/;
const SENTENCE_TERMINAL = /[.!?…]["”’)\]]*$/;
const STRONG_HEADING = /^(?:PHẦN\s+THỨ|[IVX]{1,5}\.\s|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?\s|[A-Z]\.\s+\p{Lu})/u;
const LIST_MARKER =
  /^(?:[-–+•»▪◦]\s|\d{1,2}\.\s|\(\d{1,2}\)\s?|\(?[a-zđ]\)\s|\([ivx]{1,4}\)\s|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])/u;
const ABBREVIATION_END = /(?:^|\s)(?:TP|Tp|TX|TS|ThS|PGS|GS|v\.v|St|No)\.$/u;

/** NFC, no invisible characters, no `**bold**`/`*italic*` marks, `\n` line ends. */
export function normalizeRaw(raw: string): string {
  return normalizeText(raw)
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/\*{1,3}([^*\n]+?)\*{1,3}/g, "$1")
    .replace(/\*+/g, "");
}

/** A title line: two or more words, all in capitals (`KẾT QUẢ ĐÃ ĐẠT ĐƯỢC`), not a code like `1552/BTTTT-THH`. */
function isAllCaps(text: string): boolean {
  const words = text.match(/(?<![\p{L}\p{N}/-])\p{L}{2,}(?![\p{L}\p{N}/-])/gu) ?? [];
  const letters = words.join("");
  return words.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Splits into non-blank lines, remembering how many blank lines preceded each and where form feeds were. */
function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let formFeed = false;
  for (const rawLine of text.split("\n")) {
    const pieces = rawLine.split("\f");
    pieces.forEach((piece, index) => {
      if (index > 0) formFeed = true;
      if (piece.trim() === "") {
        if (index === 0) blank++;
        return;
      }
      // A line starting with exactly one space is how PDF text extractors begin a page.
      const pageStart = formFeed || /^ \S/.test(piece);
      lines.push({ text: piece.trim().replace(/ {2,}/g, " "), page: 1, blankBefore: blank, pageStart });
      blank = 0;
      formFeed = false;
    });
  }
  return lines;
}

/**
 * Numbers pages at form feeds, at lines starting with one space and at runs of blank lines (2+, or 3+ when
 * the text is double-spaced). One stray break is not pagination (a title block before the body); in slides it is.
 */
function numberPages(lines: Line[], doubleSpaced: boolean, slides: boolean): boolean {
  const blankRun = doubleSpaced ? 3 : 2;
  let page = 1;
  let breaks = 0;
  lines.forEach((line, index) => {
    const isBreak = index > 0 && (line.pageStart || line.blankBefore >= blankRun);
    if (isBreak) {
      page++;
      breaks++;
    }
    line.pageStart = isBreak || index === 0;
    line.page = page;
  });
  return breaks >= 2 || (slides && breaks >= 1);
}

/** Short lines repeated on several pages, mostly as a page's last line: running footers such as `ĐỀ ÁN 06/CP`. */
function findRunningFooters(lines: Line[]): Set<string> {
  const counts = new Map<string, { total: number; lastOnPage: number }>();
  lines.forEach((line, index) => {
    if (line.text.length > 40) return;
    const entry = counts.get(line.text) ?? { total: 0, lastOnPage: 0 };
    entry.total++;
    const next = lines[index + 1];
    if (!next || next.pageStart) entry.lastOnPage++;
    counts.set(line.text, entry);
  });
  const footers = new Set<string>();
  for (const [text, entry] of counts) {
    if (entry.total >= 3 && entry.lastOnPage * 2 >= entry.total && !PAGE_NUMBER_LINE.test(text))
      footers.add(text);
  }
  return footers;
}

/**
 * Wrapped lines (a page's width, not whole paragraphs) with one blank line after most of them: blank lines
 * then say nothing about paragraphs. A file with one paragraph per line and blank lines between is not.
 */
function isDoubleSpaced(lines: Line[]): boolean {
  if (lines.length < 20) return false;
  const single = lines.filter((line, index) => index > 0 && line.blankBefore === 1).length;
  const widths = lines.map((line) => line.text.length).sort((a, b) => a - b);
  const medianWidth = widths[Math.floor(widths.length / 2)] ?? 0;
  return single / (lines.length - 1) > 0.6 && medianWidth <= 120;
}

function definitionMarker(text: string): { marker: string; rest: string } | undefined {
  // Footnote numbers never start with 0: `06 Đoàn công tác` continues `Đề án` from the line before.
  const digits = /^([1-9]\d{0,2})\s+(\S.*)$/u.exec(text);
  if (digits?.[1] && digits[2]) return { marker: digits[1], rest: digits[2] };
  const superscript = new RegExp(`^([${SUPERSCRIPT_DIGITS}]{1,3})\\s*(\\S.*)$`, "u").exec(text);
  if (superscript?.[1] && superscript[2]) {
    const marker = [...superscript[1]].map((char) => String(SUPERSCRIPT_DIGITS.indexOf(char))).join("");
    return { marker, rest: superscript[2] };
  }
  return undefined;
}

/** Counts standalone occurrences of a number-like token, to tell `Đề án 06` + marker 1 from a real `061`. */
function tokenFrequency(lines: Line[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const line of lines) {
    for (const match of line.text.matchAll(/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu)) {
      frequency.set(match[0], (frequency.get(match[0]) ?? 0) + 1);
    }
  }
  return frequency;
}

/**
 * Finds where body text references footnote `marker`, between `from` and `to` (line indexes), glued to a
 * word (`Chỉ thị4,`), after punctuation (`tiến độ,1 còn`), glued to a number whose remainder is a common
 * token (`Đề án 061`), or as a superscript (`nhiệm vụ⁴`).
 */
function findReference(
  lines: Line[],
  skip: Set<number>,
  from: { line: number; at: number },
  to: number,
  marker: string,
  frequency: Map<string, number>,
): Reference | undefined {
  const superscript = toSuperscript(marker);
  const glued = new RegExp(`(?<=[\\p{L}\\)”"’\\]])${marker}(?=[\\s,.;:)!?]|$)`, "u");
  // `tiến độ,1 còn` — never after a digit: `56,8 triệu` is a decimal.
  const afterPunctuation = new RegExp(`(?<=\\p{L}[,.;:])${marker}(?=\\s)`, "u");
  // Some extractors leave a space before the marker: `03 Thông tư 16. Bên`, `giao 33).`, `4 bước 24 rút`.
  const spaced = new RegExp(
    `(?<=[\\p{L}\\p{N}]\\s)${marker}(?=[.,;:)]+(?:\\s|$))|(?<=[\\p{L}”")]\\s)${marker}(?=\\s+\\p{Ll})`,
    "u",
  );
  const superscriptPattern = new RegExp(
    `(?<![⁽(${SUPERSCRIPT_DIGITS}])${superscript}(?![${SUPERSCRIPT_DIGITS}⁾)])`,
    "u",
  );
  // `Đề án 061`: only when the rest is a zero-padded count that stands alone elsewhere (`06`); a year never is.
  const gluedToNumber = new RegExp(`(?<![\\p{L}\\p{N},./])(0\\d)${marker}(?=[\\s,.;:)]|$)`, "gu");
  const search = (pattern: RegExp): Reference | undefined => {
    for (let index = from.line; index < to; index++) {
      if (skip.has(index)) continue;
      const line = lines[index];
      if (!line) continue;
      const offset = index === from.line ? from.at : 0;
      const match = pattern.exec(line.text.slice(offset));
      if (match) {
        const length = pattern === superscriptPattern ? superscript.length : marker.length;
        return { line: index, at: offset + match.index, length, marker };
      }
    }
    return undefined;
  };
  const direct = search(superscriptPattern) ?? search(glued) ?? search(afterPunctuation) ?? search(spaced);
  if (direct) return direct;
  for (let index = from.line; index < to; index++) {
    if (skip.has(index)) continue;
    const text = lines[index]?.text ?? "";
    const offset = index === from.line ? from.at : 0;
    for (const match of text.slice(offset).matchAll(gluedToNumber)) {
      const remainder = match[1] ?? "";
      if ((frequency.get(remainder) ?? 0) >= 3) {
        return {
          line: index,
          at: offset + (match.index ?? 0) + remainder.length,
          length: marker.length,
          marker,
        };
      }
    }
  }
  return undefined;
}

/** Walks the lines once, taking footnote definitions in numbering order (1, 2, 3…) so a figure at a line start is never mistaken for one. */
function extractFootnotes(
  lines: Line[],
  doubleSpaced: boolean,
): { drafts: FootnoteDraft[]; footnoteLines: Set<number> } {
  const drafts: FootnoteDraft[] = [];
  const footnoteLines = new Set<number>();
  const frequency = tokenFrequency(lines);
  let expected = 1;
  let searchFrom = { line: 0, at: 0 };
  for (let index = 0; index < lines.length; index++) {
    if (footnoteLines.has(index)) continue;
    const line = lines[index];
    if (!line) continue;
    const lone = line.text === String(expected) && lines[index + 1] !== undefined;
    const definition = lone ? { marker: line.text, rest: "" } : definitionMarker(line.text);
    if (!definition || Number(definition.marker) !== expected) continue;
    const usesSuperscript = !lone && !/^\d/.test(line.text);
    const reference = findReference(lines, footnoteLines, searchFrom, index, definition.marker, frequency);
    // Plain digits at a line start are only a footnote when the body references them; superscripts always are.
    if (!reference && !usesSuperscript) continue;
    const draft: FootnoteDraft = {
      marker: definition.marker,
      lines: [index],
      firstText: definition.rest,
      defLine: index,
    };
    if (reference) draft.reference = reference;
    footnoteLines.add(index);
    let next = index + 1;
    if (lone) {
      // The footnote text follows on the next line.
      draft.lines.push(next);
      footnoteLines.add(next);
      next++;
    }
    for (; next < lines.length; next++) {
      const candidate = lines[next];
      if (!candidate || candidate.pageStart) break;
      const nextDefinition = definitionMarker(candidate.text);
      if (nextDefinition && Number(nextDefinition.marker) === expected + 1) break;
      if (candidate.text === String(expected + 1)) break;
      if (!doubleSpaced && candidate.blankBefore > 0) break;
      draft.lines.push(next);
      footnoteLines.add(next);
    }
    attachOrphanContinuation(lines, drafts, footnoteLines, index, doubleSpaced);
    attachContinuationAtNextFoot(lines, draft, footnoteLines, doubleSpaced, expected + 1);
    drafts.push(draft);
    if (reference) searchFrom = { line: reference.line, at: reference.at + reference.length };
    index = next - 1;
    expected++;
  }
  return { drafts, footnoteLines };
}

/**
 * A footnote cut by a page break continues just before the next footnote definition
 * (`⁴ Sóc Trăng, …, Tiền` … `Giang, Nghệ An, …` `⁵ Đắk Lắk`): move that paragraph back into it.
 */
function attachOrphanContinuation(
  lines: Line[],
  drafts: FootnoteDraft[],
  footnoteLines: Set<number>,
  definitionLine: number,
  doubleSpaced: boolean,
): void {
  const previous = drafts.at(-1);
  if (!previous || doubleSpaced) return;
  const lastLine = lines[previous.lines.at(-1) ?? -1];
  if (!lastLine || TERMINAL.test(lastLine.text)) return;
  let start = definitionLine - 1;
  while (start > 0 && !footnoteLines.has(start - 1) && (lines[start]?.blankBefore ?? 1) === 0) start--;
  const first = lines[start];
  if (!first || footnoteLines.has(start) || start <= (previous.lines.at(-1) ?? 0)) return;
  if (STRONG_HEADING.test(first.text) || LIST_MARKER.test(first.text)) return;
  for (let index = start; index < definitionLine; index++) {
    previous.lines.push(index);
    footnoteLines.add(index);
  }
}

/**
 * A footnote cut at a page's foot goes on at the foot of a following page, below that page's body and
 * above its own footnotes (`… về việc lập kế hoạch đầu tư` … `công trung hạn giai đoạn 2026 – 2030.`).
 * Left in the body, it splits the sentence the page break cut (`… hài lòng về việc giải` + `quyết …`).
 * The continuation is the block that ends a page (or comes just before the next footnote), set apart by a
 * wider gap than the page's lines, starting as a continuation does (lower case or a number) right after
 * a body line that stops mid-sentence. Only the next few pages are searched.
 */
function attachContinuationAtNextFoot(
  lines: Line[],
  draft: FootnoteDraft,
  footnoteLines: Set<number>,
  doubleSpaced: boolean,
  nextMarker: number,
): void {
  const last = draft.lines.at(-1) ?? draft.defLine;
  if (TERMINAL.test(lines[last]?.text ?? ".")) return;
  const gap = doubleSpaced ? 2 : 1;
  let pageFirst = last + 1;
  let feet = 0;
  for (let end = last + 1; end < lines.length && feet < 3; end++) {
    const atDefinition = isDefinitionOf(lines[end], nextMarker);
    if (!lines[end]?.pageStart && !atDefinition) continue;
    let start = end - 1;
    while (start > pageFirst && (lines[start]?.blankBefore ?? 0) < gap) start--;
    if (start > pageFirst && continuesFootnote(lines, footnoteLines, start, end)) {
      for (let index = start; index < end; index++) {
        draft.lines.push(index);
        footnoteLines.add(index);
      }
      return;
    }
    if (atDefinition) return;
    feet++;
    pageFirst = end;
  }
}

function continuesFootnote(lines: Line[], footnoteLines: Set<number>, start: number, end: number): boolean {
  const opening = lines[start]?.text ?? "";
  if (!/^[\p{Ll}\d]/u.test(opening) || LIST_MARKER.test(opening) || definitionMarker(opening)) return false;
  if (TERMINAL.test(lines[start - 1]?.text ?? ".")) return false;
  for (let index = start; index < end; index++) {
    if (footnoteLines.has(index)) return false;
  }
  return true;
}

function isDefinitionOf(line: Line | undefined, marker: number): boolean {
  if (!line) return false;
  return line.text === String(marker) || Number(definitionMarker(line.text)?.marker) === marker;
}

function endsSentence(text: string): boolean {
  return SENTENCE_TERMINAL.test(text) && !ABBREVIATION_END.test(text);
}

function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(text) || /^[,;:)]/.test(text);
}

const FUNCTION_WORD_END =
  /(?:^|\s)(?:của|và|với|các|cho|để|theo|tại|trong|về|là|được|đã|những|từ|đến|số|năm|ngày|tháng|có|như|hoặc)$/u;

/**
 * A numbered or all-caps line that stops short of the usual line width without closing punctuation: a
 * heading, which the next line does not continue. A full-width line or one ending in `của` wraps instead.
 */
function isHeadingLike(text: string, typicalWidth: number): boolean {
  if (TERMINAL.test(text) || FUNCTION_WORD_END.test(text)) return false;
  if (text.length > 90 || text.length > typicalWidth * 0.88) return false;
  return STRONG_HEADING.test(text) || /^(?:\d{1,2}\.|\(\d{1,2}\)|[a-zđ]\))\s/u.test(text) || isAllCaps(text);
}

/** The width of a full line: lines break there when a paragraph wraps. */
function typicalLineWidth(lines: Line[]): number {
  const widths = lines
    .map((line) => line.text.length)
    .filter((width) => width >= 30)
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.75)] ?? 80;
}

/** A line as wide as the page's lines (a wrapped layout, not one paragraph per line). */
function fillsLine(text: string, typicalWidth: number): boolean {
  return typicalWidth <= 120 && text.length >= typicalWidth - 3;
}

/** Whether `next` continues the paragraph that `previous` ends. */
function continuesParagraph(previous: Line, next: Line, layout: Layout): boolean {
  const { doubleSpaced, slides, typicalWidth } = layout;
  const before = previous.text;
  const after = next.text;
  if (slides && next.pageStart) return false;
  if (/[\p{L}\p{N}]-$/u.test(before)) return true;
  if (STRONG_HEADING.test(after)) return false;
  if (isAllCaps(before) || isAllCaps(after)) return isAllCaps(before) && isAllCaps(after) && !next.pageStart;
  if (isHeadingLike(before, typicalWidth) && (/^[\p{Lu}(\-–+•»]/u.test(after) || LIST_MARKER.test(after)))
    return false;
  if (/^[-–+•»▪◦]\s/u.test(after)) return false;
  // A numbered item (`2. Chính phủ…`, never zero-padded like the `06.` of a wrapped `Đề án 06.`) starts a paragraph.
  if (/^(?:[1-9]\d?\.|\([1-9]\d?\))\s+\p{Lu}/u.test(after)) return false;
  // A remark in parentheses closes a paragraph as surely as a full stop does before a list item.
  if (LIST_MARKER.test(after))
    return !/[.!?…:;)]["”’)\]]*$/u.test(before) && (doubleSpaced || next.blankBefore === 0);
  if (startsLowercase(after)) return true;
  // A sentence that happens to end at the end of a full wrapped line does not end its paragraph: a
  // paragraph's last line is short. The next sentence goes on unless it is an item or a heading (above).
  if (endsSentence(before) && fillsLine(before, typicalWidth) && /^\p{Lu}\p{Ll}/u.test(after)) return true;
  // "đạt tỷ lệ gần tuyệt đối:" / "99,84% thu, 99,64% chi": figures after a colon finish its sentence,
  // and a figure after a semicolon ("… Hội người có công;" / "41,96 triệu … Hội người lao động.") is
  // the next item of its list.
  if (/[:;]["”’)]*$/.test(before) && /^\d[\d.,]*\s*(?:%|\p{Ll})/u.test(after)) return true;
  if (endsSentence(before) || /[:;]["”’)]*$/.test(before)) return false;
  // "Cấp điện mới từ lưới điện hạ áp" / "(220/380V)": a parenthesis (not a list number, caught above)
  // qualifies the line it follows, however far apart a slide sets them.
  if (after.startsWith("(")) return true;
  // Across a blank line only a clause left open (`Đắk Lắk,` / `… của`) goes on.
  if (!doubleSpaced && next.blankBefore > 0) return /,$/.test(before) || FUNCTION_WORD_END.test(before);
  // No closing punctuation: the sentence goes on, across a blank line or a page break.
  return true;
}

function joinLineText(previous: string, next: string): string {
  // "vắc-" + "xin" → "vắc-xin": a hyphen at a line end joins a word cut in two.
  if (/[\p{L}\p{N}]-$/u.test(previous) && /^[\p{L}\p{N}]/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}

/** Replaces each found reference marker with superscript digits, right to left so earlier offsets stay valid. */
function markReferences(lines: Line[], drafts: FootnoteDraft[]): void {
  const byLine = new Map<number, Reference[]>();
  for (const draft of drafts) {
    if (!draft.reference) continue;
    byLine.set(draft.reference.line, [...(byLine.get(draft.reference.line) ?? []), draft.reference]);
  }
  for (const [lineIndex, references] of byLine) {
    const line = lines[lineIndex];
    if (!line) continue;
    let text = line.text;
    for (const reference of references.sort((a, b) => b.at - a.at)) {
      const current = text.slice(reference.at, reference.at + reference.length);
      const replacement = /^\d+$/.test(current) ? toSuperscript(current) : current;
      text = text.slice(0, reference.at) + replacement + text.slice(reference.at + reference.length);
      reference.length = replacement.length;
    }
    line.text = text;
  }
}

interface Layout {
  doubleSpaced: boolean;
  slides: boolean;
  typicalWidth: number;
}

function buildBodyParagraphs(
  lines: Line[],
  skip: Set<number>,
  dropped: Set<number>,
  layout: Layout,
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let previousLine: Line | undefined;
  lines.forEach((line, index) => {
    if (skip.has(index) || dropped.has(index)) return;
    if (current && previousLine && continuesParagraph(previousLine, line, layout)) {
      current.text = joinLineText(current.text, line.text);
      current.lines.push(index);
    } else {
      current = { lines: [index], text: line.text, page: line.page };
      paragraphs.push(current);
    }
    previousLine = line;
  });
  return paragraphs;
}

function footnoteParagraph(lines: Line[], draft: FootnoteDraft): Paragraph {
  const parts = draft.lines
    .map((index, position) => (position === 0 ? draft.firstText : (lines[index]?.text ?? "")))
    .filter((part) => part.length > 0);
  const body = parts.reduce((joined, part) => (joined ? joinLineText(joined, part) : part), "");
  const firstLine = lines[draft.lines[0] ?? 0];
  return {
    lines: draft.lines,
    text: `${toSuperscript(draft.marker)} ${body}`,
    page: firstLine?.page ?? 1,
    footnote: draft,
  };
}

/** Puts each footnote right after the paragraph holding its reference (or, without one, where it was defined). */
function placeFootnotes(body: Paragraph[], notes: Paragraph[]): Paragraph[] {
  const placed = new Map<number, Paragraph[]>();
  const lineToParagraph = new Map<number, number>();
  body.forEach((paragraph, position) => {
    for (const line of paragraph.lines) lineToParagraph.set(line, position);
  });
  for (const note of notes) {
    const draft = note.footnote;
    let position = draft?.reference ? lineToParagraph.get(draft.reference.line) : undefined;
    if (position === undefined) {
      const defLine = draft?.defLine ?? 0;
      position = -1;
      body.forEach((paragraph, index) => {
        if ((paragraph.lines[0] ?? 0) < defLine) position = index;
      });
    }
    placed.set(position, [...(placed.get(position) ?? []), note]);
  }
  const ordered: Paragraph[] = [...(placed.get(-1) ?? [])];
  body.forEach((paragraph, index) => {
    ordered.push(paragraph, ...(placed.get(index) ?? []));
  });
  return ordered;
}

function assemble(paragraphs: Paragraph[], hasPages: boolean): CleanText {
  let text = "";
  const pages: PageSpan[] = [];
  const footnotes: Footnote[] = [];
  const referenceOffsets = new Map<FootnoteDraft, number>();
  const paragraphStarts: number[] = [];
  for (const paragraph of paragraphs) {
    if (text.length > 0) text += "\n";
    const start = text.length;
    paragraphStarts.push(start);
    text += paragraph.text;
    if (hasPages) {
      const last = pages.at(-1);
      if (last && last.page === paragraph.page) last.end = text.length;
      else pages.push({ page: paragraph.page, start, end: text.length });
    }
  }
  // Reference offsets: find the superscript marker inside the paragraph that holds the reference line.
  paragraphs.forEach((paragraph, position) => {
    if (paragraph.footnote) return;
    for (const note of paragraphs) {
      const reference = note.footnote?.reference;
      if (!note.footnote || !reference || !paragraph.lines.includes(reference.line)) continue;
      const marker = toSuperscript(note.footnote.marker);
      const at = paragraph.text.indexOf(marker);
      if (at >= 0) referenceOffsets.set(note.footnote, (paragraphStarts[position] ?? 0) + at);
    }
  });
  paragraphs.forEach((paragraph, position) => {
    const draft = paragraph.footnote;
    if (!draft) return;
    const start = paragraphStarts[position] ?? 0;
    const markerLength = toSuperscript(draft.marker).length + 1;
    const referenceAt = referenceOffsets.get(draft);
    footnotes.push({
      marker: draft.marker,
      text: paragraph.text.slice(markerLength),
      start: start + markerLength,
      end: start + paragraph.text.length,
      ...(referenceAt !== undefined ? { referenceAt } : {}),
    });
  });
  return { text, pages, footnotes };
}

/** Cleans one document's raw text. */
export function cleanText(raw: string, options: CleanOptions = {}): CleanText {
  const slides = options.slides ?? false;
  const lines = toLines(normalizeRaw(raw));
  const doubleSpaced = isDoubleSpaced(lines);
  const hasPages = numberPages(lines, doubleSpaced, slides);
  const { drafts, footnoteLines } = extractFootnotes(lines, doubleSpaced);
  const footers = findRunningFooters(lines);
  const dropped = new Set<number>();
  lines.forEach((line, index) => {
    if (footnoteLines.has(index)) return;
    if (PAGE_NUMBER_LINE.test(line.text) || footers.has(line.text)) dropped.add(index);
  });
  markReferences(lines, drafts);
  const layout = { doubleSpaced, slides, typicalWidth: typicalLineWidth(lines) };
  const body = buildBodyParagraphs(lines, footnoteLines, dropped, layout);
  const notes = drafts.map((draft) => footnoteParagraph(lines, draft));
  return assemble(placeFootnotes(body, notes), hasPages);
}
