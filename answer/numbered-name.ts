import type { QueryPlan } from "../index/query";
import type { Candidate } from "./candidates";

/**
 * "When is National Data Center No. 2 scheduled to go into operation?" is not answered by a passage on the
 * National Data Center that prints no "số 2": a numbered name the passage does not print with its number
 * is another of the like things. On every graded question naming one, the passages without the number
 * answered only unanswerable questions.
 */
export function missesNumberedName(plan: QueryPlan, candidate: Candidate): boolean {
  const context = candidate.sentence.foldedContext;
  return plan.namedNumbers.some((number) => !new RegExp(`\\b(?:so|no\\.?)\\s*0?${number}\\b`).test(context));
}
