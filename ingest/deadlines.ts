import { findBodies } from "../core/bodies";
import { type DateMention, findDates } from "../core/dates";
import { type SentenceSpan, splitSentences } from "../core/sentences";
import { fold } from "../core/text";
import type { Chunk, CleanDocument, Deadline } from "../core/types";

/**
 * Deadlines: a date expression in a "due" wording (`hoàn thành trong Quý I năm 2024`, `trước ngày
 * 01/7/2025`, `trong tháng 01/2025`, `đến hết 2025`), with the task, the responsible body where the text
 * names one, and whether a report calls the task late.
 */

// Cues that make a date a due date by themselves.
const DUE_CUES = new Set([
  "truoc",
  "truoc ngay",
  "trong",
  "ngay trong",
  "den het",
  "het",
  "cham nhat",
  "cham nhat ngay",
  "cham nhat la ngay",
  "tu nay den het",
  "den het ngay",
]);
// Cues that need a due verb nearby: `thông qua vào kỳ họp thứ 10 (tháng 10/2025)`, `hoàn thành vào tháng 6`.
const WEAK_CUES = new Set(["vao", "den", "den ngay", "by", "before"]);
const DUE_VERBS =
  /(hoàn thành|hoàn thiện|xong|báo cáo|trình|ban hành|thông qua|phấn đấu|thời hạn|chậm nhất|hạn chót|bảo đảm|đảm bảo|triển khai|thực hiện|tổ chức|xây dựng|nhân rộng|lộ trình|dự kiến)/iu;
const LATE_WORDS =
  /(chậm tiến độ|chậm muộn|chậm so với|chưa hoàn thành|chưa hoàn thiện|chưa thực hiện|chưa ban hành|quá hạn)/iu;
const SUBJECT_OPENERS = /^(?:về [^,:]{2,60},\s*)?(?:giao|yêu cầu|đề nghị|đề xuất|kiến nghị)?\s*/iu;
const STRONG_DUE =
  /(hoàn thành|xong|chậm nhất|phấn đấu|thông qua|báo cáo[^,;]{0,40})\s*(?:vào|trong|trước|đến hết)?\s*$/iu;
const LIST_PREFIX =
  /^(?:\s*(?:[-–+•»]|\d{1,2}(?:\.\d{1,2})*\.|\(\d{1,2}\)|[a-zđ]\)|\([ivx]{1,4}\)|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])\s*)+/u;
const CLAUSE_BREAK = /[;]|(?:\s|^)(?:\([ivx]{1,4}\)|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])\s/gu;
const MIN_TASK_CHARS = 30;
/** Share of a deadline's task words a later report's "late" sentence must contain to be about the same task. */
const LATE_MATCH_SHARE = 0.45;

/** `Quyết định số 75/QĐ-TTg ngày 11/01/2025`: the date a cited document was issued, never a due date. */
function isDocumentDate(before: string): boolean {
  return /\d+\s*\/\s*[\p{L}\d][\p{L}\d\-/ ]{0,25}[\s,]*(?:ngày)?\s*$/u.test(before.slice(-45));
}

function isDue(sentence: string, mention: DateMention): boolean {
  const before = sentence.slice(Math.max(0, mention.start - 90), mention.start);
  if (!mention.cue) {
    // `từ năm 2022 đến năm 2025` inside a roadmap.
    return mention.iso.includes("/") && /(lộ trình|thời gian thực hiện|hoàn thành)/iu.test(before);
  }
  if (isDocumentDate(before)) return false;
  if (/(đến nay|tính đến|theo dõi đến|ghi nhận)\s*$/iu.test(before)) return false;
  // `đã hoàn thành trong tháng 12/2024` reports a result.
  if (/(?:^|\s)đã\s[^;,.()]*$/u.test(before)) return false;
  // `Trong năm 2024, …` at the head of a sentence sets the scene.
  if (mention.start < 2 && /^\s*,/.test(sentence.slice(mention.end))) return false;
  if (DUE_CUES.has(mention.cue)) return mention.cue !== "trong" || DUE_VERBS.test(before);
  if (WEAK_CUES.has(mention.cue)) return DUE_VERBS.test(before.slice(-50));
  return false;
}

/** The clause of the sentence that holds the date: from the previous `;` or `(ii)` to the next one. */
function clauseAround(sentence: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(sentence); match; match = CLAUSE_BREAK.exec(sentence)) {
    if (match.index < at) start = match.index + match[0].length;
    else {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

function cleanTask(text: string): string {
  return text
    .replace(LIST_PREFIX, "")
    .replace(/^[\s,;:]+|[\s,;:(]+$/g, "")
    .replace(/\s+/g, " ");
}

/** The subject that opens a clause (`Bộ Y tế chủ trì…`, `Giao Bộ Công an…`), if it names a body. */
function subjectBody(text: string): string | undefined {
  const opened = text.replace(LIST_PREFIX, "").replace(SUBJECT_OPENERS, "");
  const first = findBodies(opened.slice(0, 120))[0];
  if (first && first.start <= 2) return first.name;
  return undefined;
}

function leadBody(paragraph: string): string | undefined {
  // `(12) Bộ Y tế: ⁽¹⁾ …` or `a) Bộ Công an: (i) …` — the body heads the whole list item.
  const head = /^([^:]{3,80}):/u.exec(paragraph.replace(LIST_PREFIX, ""));
  return head?.[1] ? subjectBody(head[1]) : undefined;
}

function responsibleBody(
  sentence: string,
  task: string,
  clause: string,
  paragraph: string,
  sectionPath: string[],
): string | undefined {
  const leading = findBodies(clause).find((mention) => /^\s*chủ trì/u.test(clause.slice(mention.end)));
  if (leading) return leading.name;
  // No guess from a body merely mentioned somewhere in the sentence: a wrong owner is worse than none.
  return (
    subjectBody(clause) ??
    subjectBody(task) ??
    subjectBody(sentence) ??
    leadBody(paragraph) ??
    [...sectionPath].reverse().map(subjectBody).find(Boolean)
  );
}

function paragraphAround(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return text.slice(start, end === -1 ? text.length : end);
}

function lastClause(text: string): string {
  const parts = text.split(CLAUSE_BREAK);
  return parts[parts.length - 1] ?? text;
}

function taskFor(
  sentence: SentenceSpan,
  previous: SentenceSpan | undefined,
  clause: { start: number; end: number },
  dueText: string,
): string {
  const own = cleanTask(sentence.text.slice(clause.start, clause.end));
  const substance = own
    .replace(dueText, "")
    .replace(/hoàn thành|phấn đấu|trong|trước/giu, "")
    .replace(/[\s.,;:()]+/g, " ")
    .trim();
  if (substance.length >= MIN_TASK_CHARS || !previous) return own;
  // `Hoàn thành trong tháng 01 năm 2024.` alone: the task is the clause before.
  return `${cleanTask(lastClause(previous.text))} ${own}`.trim();
}

function chunkAt(chunks: Chunk[], offset: number): Chunk | undefined {
  return chunks.find((chunk) => offset >= chunk.start && offset < chunk.end);
}

/**
 * `Ban hành Kế hoạch … trong năm 2024, hoàn thành trong tháng 01 năm 2024`: when a clause holds several
 * due dates, the one after a completion verb is the deadline; the others describe the task.
 */
function strongestPerClause(sentence: string, mentions: DateMention[]): DateMention[] {
  const strength = (mention: DateMention) =>
    STRONG_DUE.test(sentence.slice(Math.max(0, mention.start - 60), mention.start)) ? 2 : 1;
  return mentions.filter((mention) => {
    const clause = clauseAround(sentence, mention.start);
    const rivals = mentions.filter(
      (other) => other !== mention && other.start >= clause.start && other.start < clause.end,
    );
    return rivals.every((other) => strength(other) <= strength(mention));
  });
}

/** Every deadline a cleaned document sets, located in its chunks. */
export function extractDeadlines(document: CleanDocument, chunks: Chunk[]): Deadline[] {
  const deadlines: Deadline[] = [];
  const documentChunks = chunks.filter((chunk) => chunk.docId === document.meta.id);
  const sentences = splitSentences(document.text);
  const setOn = document.meta.date ?? document.meta.asOf;
  sentences.forEach((sentence, index) => {
    for (const mention of strongestPerClause(
      sentence.text,
      findDates(sentence.text).filter((date) => isDue(sentence.text, date)),
    )) {
      const start = sentence.start + mention.start;
      const chunk = chunkAt(documentChunks, start);
      if (!chunk) continue;
      const clause = clauseAround(sentence.text, mention.start);
      const task = taskFor(sentence, sentences[index - 1], clause, mention.text);
      const body = responsibleBody(
        sentence.text,
        task,
        sentence.text.slice(clause.start, clause.end),
        paragraphAround(document.text, sentence.start),
        chunk.sectionPath,
      );
      deadlines.push({
        id: `${document.meta.id}:d${deadlines.length}`,
        docId: document.meta.id,
        chunkId: chunk.id,
        task,
        dueText: mention.text.trim(),
        dueDate: mention.dueDate,
        precision: mention.precision,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        start,
        end: sentence.start + mention.end,
        setOn,
        late: LATE_WORDS.test(sentence.text),
        lateNotes: [],
        sectionPath: chunk.sectionPath,
        ...(body ? { body } : {}),
        ...(chunk.page !== undefined ? { page: chunk.page } : {}),
      });
    }
  });
  return deadlines;
}

function contentWords(text: string): Set<string> {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < words.length; index++) pairs.add(`${words[index]} ${words[index + 1]}`);
  return pairs;
}

/**
 * Marks deadlines that a later document calls late: a sentence there with `chậm tiến độ`/`chưa hoàn thành`
 * that shares most of the task's word pairs.
 */
export function markLateFromLaterReports(deadlines: Deadline[], documents: CleanDocument[]): void {
  const lateSentences = documents.flatMap((document) =>
    splitSentences(document.text)
      .filter((sentence) => LATE_WORDS.test(sentence.text))
      .map((sentence) => ({ document, sentence, pairs: contentWords(sentence.text) })),
  );
  const asOfById = new Map(documents.map((document) => [document.meta.id, document.meta.asOf]));
  for (const deadline of deadlines) {
    const taskPairs = contentWords(deadline.task);
    if (taskPairs.size < 4) continue;
    const setAsOf = asOfById.get(deadline.docId) ?? "";
    for (const candidate of lateSentences) {
      if (candidate.document.meta.id === deadline.docId || candidate.document.meta.asOf <= setAsOf) continue;
      let shared = 0;
      for (const pair of taskPairs) if (candidate.pairs.has(pair)) shared++;
      if (shared / taskPairs.size >= LATE_MATCH_SHARE) {
        deadline.late = true;
        deadline.lateNotes.push({ docId: candidate.document.meta.id, sentence: candidate.sentence.text });
      }
    }
  }
}
