import { fold } from "../core/text";
import type { QueryPlan } from "../index/query";
import type { Candidate } from "./candidates";

/**
 * What an amount of money measures, in groups of words the reports use alike. A question asking one
 * ("lệ phí … là bao nhiêu", "chi phí xây dựng … hết bao nhiêu") is not answered by an amount the report
 * gives as another ("giúp tiết kiệm khoảng 10 tỷ đồng", "đóng góp khoảng 1.600 tỷ đồng").
 */
const MONEY_MEASURES: string[][] = [
  ["chi phi", "kinh phi", "von"],
  ["le phi"],
  ["doanh thu", "thu nhap"],
  ["tiet kiem"],
  ["dong gop"],
  ["tien thue"],
];

/** Characters on either side of an amount where its sentence says what it measures. */
const NEAR = 80;

function measuresIn(padded: string): Set<number> {
  const groups = new Set<number>();
  MONEY_MEASURES.forEach((words, group) => {
    if (words.some((word) => padded.includes(` ${word} `))) groups.add(group);
  });
  return groups;
}

/**
 * The words a question asks in, folded: a Vietnamese question's own ("bao nhiêu tiền" is no measure,
 * whatever its synonyms), an English one's through the glossary's Vietnamese wordings.
 */
export function askedWording(plan: QueryPlan): string {
  return plan.lang === "vi"
    ? fold(plan.question)
    : plan.concepts.flatMap((concept) => concept.wordings).join(" | ");
}

/** The candidate is an amount its sentence names as another measure of money than the question asks. */
export function measuresOtherMoney(plan: QueryPlan, candidate: Candidate): boolean {
  if (candidate.figure?.kind !== "money") return false;
  const asked = measuresIn(` ${askedWording(plan)} `);
  if (asked.size === 0) return false;
  const sentence = fold(candidate.sentence.spot.sentence);
  // The word nearest before the amount says what it is ("tiết kiệm khoảng 10 tỷ đồng cho người dân chi
  // phí đi lại" is an amount saved, on costs); only without one do the words after it tell.
  const before = lastMeasureIn(` ${sentence.slice(Math.max(0, candidate.start - NEAR), candidate.start)} `);
  const printed =
    before !== undefined
      ? new Set([before])
      : measuresIn(` ${sentence.slice(candidate.end, candidate.end + NEAR)} `);
  return printed.size > 0 && ![...asked].some((group) => printed.has(group));
}

function lastMeasureIn(padded: string): number | undefined {
  let last: { group: number; at: number } | undefined;
  MONEY_MEASURES.forEach((words, group) => {
    for (const word of words) {
      const at = padded.lastIndexOf(` ${word} `);
      if (at !== -1 && (!last || at > last.at)) last = { group, at };
    }
  });
  return last?.group;
}
