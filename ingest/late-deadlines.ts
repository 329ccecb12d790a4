import { splitSentences } from "../core/sentences";
import { fold } from "../core/text";
import type { CleanDocument, Deadline } from "../core/types";

/**
 * "Reported late": a report calls a task late in the sentence that sets it (`chậm tiến độ`, `chưa hoàn
 * thành … (Phải hoàn thành trong tháng 9/2024 …)`) or in a later report that names the same task.
 */
const LATE_WORDS =
  /(chậm tiến độ|chậm muộn|chậm so với|chưa hoàn thành|chưa hoàn thiện|chưa thực hiện|chưa ban hành|quá hạn)/iu;
/** Share of a deadline's task word pairs a later report's "late" sentence must contain to be about the same task. */
const LATE_MATCH_SHARE = 0.45;
const MIN_TASK_PAIRS = 4;

/** Whether the text calls something late. */
export function callsLate(text: string): boolean {
  return LATE_WORDS.test(text);
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
      .filter((sentence) => callsLate(sentence.text))
      .map((sentence) => ({ document, sentence, pairs: contentWords(sentence.text) })),
  );
  const asOfById = new Map(documents.map((document) => [document.meta.id, document.meta.asOf]));
  for (const deadline of deadlines) {
    const taskPairs = contentWords(deadline.task);
    if (taskPairs.size < MIN_TASK_PAIRS) continue;
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
