import { fold } from "../core/text";
import type { QueryPlan } from "../index/query";
import type { Candidate } from "./candidates";
import { askedWording } from "./money-measure";

const CONTRIBUTED = /\b(?:dong gop|gop phan)\b/;
// "đóng góp khoảng 0,18–0,25 điểm OSI" gives an amount contributed; "góp phần đưa Việt Nam tăng 15 bậc"
// says what happened, which the project helped to bring about: the figure is the outcome itself.
const CONTRIBUTED_AMOUNT = /\bdong gop\b/;
const BEFORE = 50;

/**
 * "What OSI score did Vietnam get?" is not answered by "ước tính đóng góp khoảng 0,18–0,25 điểm OSI": a
 * figure the report gives as a contribution to something is not that thing, unless the question asks what
 * was contributed ("đóng góp", "góp phần", "contribute", "add to").
 */
export function givesContributionUnasked(plan: QueryPlan, candidate: Candidate): boolean {
  if (!candidate.figure) return false;
  const before = fold(
    candidate.sentence.spot.sentence.slice(Math.max(0, candidate.start - BEFORE), candidate.start),
  );
  if (!CONTRIBUTED_AMOUNT.test(before)) return false;
  return !CONTRIBUTED.test(askedWording(plan));
}
