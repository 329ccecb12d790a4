import type { DateMention } from "../core/dates";
import { type SentenceSpan, splitSentences } from "../core/sentences";
import type { Chunk, CleanDocument, Deadline } from "../core/types";
import { clauseAround, clausesOf, type Span } from "./clauses";
import { namesItsOwnBody, responsibleBody, type TaskPlace } from "./deadline-body";
import { dueDatesIn } from "./due-dates";
import { type HeadingLimit, headingLimits } from "./heading-limits";
import { callsLate } from "./late-deadlines";

/**
 * Deadlines: every task a report gives a time limit (`hoàn thành trong Quý I năm 2024`, `trước ngày
 * 01/7/2025`, `Đến hết 2025, …`, or a limit its title heading sets), with the task, the bodies that must
 * do it and whether the report calls it late. Which dates are limits: `due-dates.ts`; who must act:
 * `deadline-body.ts`; limits set by headings: `heading-limits.ts`.
 */

const LIST_PREFIX =
  /^(?:\s*(?:[-–+•»]|\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,5}\.|\(\d{1,2}\)|[a-zđ]\)|\([ivx]{1,4}\)|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])\s*)+/u;
const MIN_TASK_CHARS = 30;

function cleanTask(text: string): string {
  return text
    .replace(LIST_PREFIX, "")
    .replace(/^[\s,;:]+|[\s,;:(]+$/g, "")
    .replace(/\s+/g, " ");
}

function lastClause(text: string): string {
  const last = clausesOf(text).at(-1);
  return last ? text.slice(last.start, last.end) : text;
}

// "… không yêu cầu người dân phải đính kèm giấy tờ … Báo cáo lộ trình gửi Tổ Công tác trong tháng 01/2025":
// a sentence opening on the report back gives the limit of the task the sentence before it set.
const REPORT_BACK = /^báo cáo\s/iu;

/** The clause that holds the due date; `Hoàn thành trong tháng 01 năm 2024.` alone takes the clause before. */
function taskFor(
  text: string,
  sentence: SentenceSpan,
  previous: SentenceSpan | undefined,
  clause: Span,
  dueText: string,
) {
  const own = cleanTask(sentence.text.slice(clause.start, clause.end));
  const substance = own
    .replace(dueText, "")
    .replace(/hoàn thành|phấn đấu|trong|trước/giu, "")
    .replace(/[\s.,;:()]+/g, " ")
    .trim();
  const reportsBack =
    clause.start === 0 &&
    REPORT_BACK.test(own) &&
    previous !== undefined &&
    !text.slice(previous.end, sentence.start).includes("\n");
  if ((substance.length >= MIN_TASK_CHARS && !reportsBack) || !previous) return own;
  return `${cleanTask(lastClause(previous.text))} ${own}`.trim();
}

function chunkAt(chunks: Chunk[], offset: number): Chunk | undefined {
  return chunks.find((chunk) => offset >= chunk.start && offset < chunk.end);
}

interface Found {
  /** Where the due wording is quoted: the task's sentence, or the heading that sets the limit. */
  quote: SentenceSpan;
  /** The due wording, offsets into the document. */
  due: DateMention;
  task: string;
  body: string | undefined;
  late: boolean;
}

function toDeadline(document: CleanDocument, chunk: Chunk, found: Found, ordinal: number): Deadline {
  const setOn = document.meta.date ?? document.meta.asOf;
  return {
    id: `${document.meta.id}:d${ordinal}`,
    docId: document.meta.id,
    chunkId: chunk.id,
    task: found.task,
    dueText: found.due.text.trim(),
    dueDate: found.due.dueDate,
    precision: found.due.precision,
    sentence: found.quote.text,
    sentenceStart: found.quote.start,
    start: found.due.start,
    end: found.due.end,
    setOn,
    late: found.late,
    lateNotes: [],
    sectionPath: chunk.sectionPath,
    ...(found.body ? { body: found.body } : {}),
    ...(chunk.page !== undefined ? { page: chunk.page } : {}),
  };
}

/**
 * The clause a due date governs. One that opens a list (`lộ trình … là đến năm 2025: 100% công dân …; 40
 * triệu tài khoản …; 80% dân số …`) sets the limit of every item after the colon, not only of the first.
 */
function governedClause(text: string, mention: DateMention): Span {
  const clause = clauseAround(text, mention.start);
  return /^\s*:/.test(text.slice(mention.end)) ? { start: clause.start, end: text.length } : clause;
}

/** Deadlines the sentence sets itself, one per due date. */
function ownDeadlines(
  document: CleanDocument,
  sentence: SentenceSpan,
  previous: SentenceSpan | undefined,
  due: DateMention[],
): Found[] {
  return due.map((mention) => {
    const clause = governedClause(sentence.text, mention);
    const place: TaskPlace = { document, sentence, clause };
    return {
      quote: sentence,
      due: { ...mention, start: sentence.start + mention.start, end: sentence.start + mention.end },
      task: taskFor(document.text, sentence, previous, clause, mention.text),
      body: responsibleBody(place),
      late: callsLate(sentence.text),
    };
  });
}

/**
 * `Yêu cầu Chủ tịch UBND các tỉnh: … khẩn trương triển khai …` under `I. Triển khai các nhiệm vụ cấp bách
 * từ nay đến Tết Nguyên đán Giáp Thìn 2024`: a task that names who acts and has no date of its own takes
 * the limit of the title heading above it. The heading is quoted, since that is where the limit stands.
 */
function inheritedDeadline(
  document: CleanDocument,
  sentence: SentenceSpan,
  limits: HeadingLimit[],
): Found | undefined {
  const limit = limits.findLast(
    (candidate) =>
      sentence.start >= candidate.governs.start &&
      sentence.start < candidate.governs.end &&
      sentence.start >= candidate.heading.end,
  );
  if (!limit) return undefined;
  const place: TaskPlace = {
    document,
    sentence,
    clause: clausesOf(sentence.text)[0] ?? { start: 0, end: 0 },
  };
  if (!namesItsOwnBody(place)) return undefined;
  return {
    quote: limit.heading,
    due: limit.due,
    task: cleanTask(sentence.text),
    body: responsibleBody(place),
    late: callsLate(sentence.text),
  };
}

/** Every deadline a cleaned document sets, located in its chunks. */
export function extractDeadlines(document: CleanDocument, chunks: Chunk[]): Deadline[] {
  const documentChunks = chunks.filter((chunk) => chunk.docId === document.meta.id);
  const limits = headingLimits(document);
  const headings = new Set(limits.map((limit) => limit.heading.start));
  const sentences = splitSentences(document.text);
  const found: Found[] = [];
  sentences.forEach((sentence, index) => {
    // A title heading's limit belongs to the tasks under it, not to the heading.
    if (headings.has(sentence.start)) return;
    const due = dueDatesIn(sentence.text);
    if (due.length > 0) found.push(...ownDeadlines(document, sentence, sentences[index - 1], due));
    else {
      const inherited = inheritedDeadline(document, sentence, limits);
      if (inherited) found.push(inherited);
    }
  });
  const deadlines: Deadline[] = [];
  for (const item of found) {
    const chunk = chunkAt(documentChunks, item.due.start);
    if (chunk) deadlines.push(toDeadline(document, chunk, item, deadlines.length));
  }
  return deadlines;
}
