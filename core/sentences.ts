/**
 * Sentence spans in cleaned text. A quote in a citation is always one of these spans (or part of one), so
 * the boundaries must never fall inside a number (`1.900.482.958`), an abbreviation (`TP. Hồ Chí Minh`) or
 * after a list label (`1.`, `II.`, `a)`).
 */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  "tp",
  "tx",
  "ts",
  "ths",
  "pgs",
  "gs",
  "th",
  "st",
  "v.v",
  "vv",
  "no",
  "mr",
  "ms",
  "dr",
  "đ/c",
  "q",
  "p",
  "k",
  "kt",
]);

const LIST_LABEL = /^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Za-zĐđ]|\(\d{1,3}\)|PHẦN\s+\S+)\.?$/u;
const SENTENCE_END = /[.!?…]+["”’)]*(?=\s+["“(\-–+»•]?\s*[\p{Lu}\d(])/gu;

function isAbbreviation(textBeforeMark: string): boolean {
  const word = /([\p{L}./]+)$/u.exec(textBeforeMark)?.[1]?.toLowerCase();
  return word !== undefined && ABBREVIATIONS.has(word.replace(/\.$/, ""));
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? "")) from++;
  while (to > from && /\s/.test(text[to - 1] ?? "")) to--;
  return to > from ? { start: from, end: to, text: text.slice(from, to) } : undefined;
}

function splitParagraph(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  const paragraph = text.slice(start, end);
  let sentenceStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(paragraph); match; match = SENTENCE_END.exec(paragraph)) {
    const markAt = match.index;
    const cut = markAt + match[0].length;
    const before = paragraph.slice(sentenceStart, markAt);
    if (LIST_LABEL.test(before) || isAbbreviation(before)) continue;
    const span = trimSpan(text, start + sentenceStart, start + cut);
    if (span) spans.push(span);
    sentenceStart = cut;
  }
  const last = trimSpan(text, start + sentenceStart, end);
  if (last) spans.push(last);
}

/** Sentences of `text` in order; a line break always ends a sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let paragraphStart = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    splitParagraph(text, paragraphStart, at, spans);
    paragraphStart = at + 1;
  }
  splitParagraph(text, paragraphStart, text.length, spans);
  return spans;
}

export const PARAGRAPH_STARTS_HERE = { lead: undefined, previous: undefined };

/**
 * The first and the last sentence of the paragraph that text starting at `start` continues, if any: a
 * chunk may start inside a paragraph ("Hoàn thành trong năm 2024; (iii) …" after the task it dates).
 */
export function paragraphBefore(
  text: string,
  start: number,
): { lead: string | undefined; previous: string | undefined } {
  if (start === 0) return PARAGRAPH_STARTS_HERE;
  const tail = text.slice(Math.max(0, start - 1200), start);
  if (/\n\s*$/.test(tail)) return PARAGRAPH_STARTS_HERE;
  const sentences = splitSentences(tail.slice(tail.lastIndexOf("\n") + 1));
  return { lead: sentences[0]?.text, previous: sentences.at(-1)?.text };
}
