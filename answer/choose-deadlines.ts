import { fold } from "../core/text";
import type { Deadline } from "../core/types";
import type { QueryPlan } from "../index/query";
import type { SearchHit } from "../index/search";
import type { DeadlineStatus } from "./answer-types";
import { scoreSpot } from "./score-passage";

/**
 * Deadlines for a question: the one task a question names ("by when must Bộ Y tế …?"), or every task
 * matching a period, a body and a status ("what is due in Q1 2025?", "which tasks are overdue?").
 */
export interface ScoredDeadline {
  deadline: Deadline;
  score: number;
  clause: number;
}

export function deadlineStatus(dueDate: string, today: string): DeadlineStatus {
  if (dueDate < today) return "past-due";
  return dueDate.slice(0, 7) === today.slice(0, 7) ? "due-this-month" : "upcoming";
}

function bodyFit(deadline: Deadline, plan: QueryPlan): number {
  if (!plan.body) return 0;
  if (deadline.body === plan.body) return 0.2;
  return fold(deadline.sentence).includes(fold(plan.body)) ? 0.1 : -0.1;
}

/** A question naming a body or a period only accepts deadlines of that body, due in that period. */
function fitsPlan(deadline: Deadline, plan: QueryPlan): boolean {
  if (plan.body && deadline.body !== plan.body && !fold(deadline.sentence).includes(fold(plan.body)))
    return false;
  // With a document named, the time usually dates the document ("the December 2023 conclusion").
  const dueTime = plan.docIds.length === 0 ? plan.time : undefined;
  if (dueTime && (deadline.dueDate < dueTime.periodStart || deadline.dueDate > dueTime.periodEnd))
    return false;
  return true;
}

/** The deadline that answers a question about one task, best first. */
export function rankDeadlines(plan: QueryPlan, hits: SearchHit[]): ScoredDeadline[] {
  const best = hits[0]?.score ?? 1;
  const scored: ScoredDeadline[] = [];
  for (const hit of hits) {
    for (const deadline of hit.deadlines) {
      if (!fitsPlan(deadline, plan)) continue;
      const offset = deadline.start - deadline.sentenceStart;
      const spot = scoreSpot(
        plan.concepts,
        deadline.sentence,
        offset,
        deadline.end - deadline.sentenceStart,
        deadline.sectionPath,
      );
      const score =
        (0.5 * spot.clause + 0.3 * spot.context + 0.1 * spot.nearness + bodyFit(deadline, plan)) *
        (0.75 + (0.25 * hit.score) / best);
      if (!spot.topicMissing)
        scored.push({ deadline, score, clause: Math.max(spot.clause, spot.context * 0.9) });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

export interface DeadlineFilters {
  from?: string;
  to?: string;
  body?: string;
  overdue?: boolean;
  today: string;
}

function sameBody(deadline: Deadline, body: string): boolean {
  const wanted = fold(body);
  return fold(deadline.body ?? "") === wanted || fold(deadline.task).includes(wanted);
}

/** Deadlines due in [from, to], of a body, past due or not; sorted by due date, one per task and date. */
export function listDeadlines(deadlines: Deadline[], filters: DeadlineFilters): Deadline[] {
  const seen = new Set<string>();
  return deadlines
    .filter((deadline) => {
      if (filters.from && deadline.dueDate < filters.from) return false;
      if (filters.to && deadline.dueDate > filters.to) return false;
      if (filters.body && !sameBody(deadline, filters.body)) return false;
      if (filters.overdue !== undefined && deadline.dueDate < filters.today !== filters.overdue) return false;
      const key = `${fold(deadline.task)}|${deadline.dueDate}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.setOn.localeCompare(b.setOn));
}
