import { fold } from "../core/text";
import type { Deadline } from "../core/types";
import type { DeadlineStatus } from "./answer-types";

/**
 * The deadline register filtered: every task matching a period, a body and a status ("what is due in Q1
 * 2025?", "which tasks are overdue?"), and whether a due date has passed.
 */
export function deadlineStatus(dueDate: string, today: string): DeadlineStatus {
  if (dueDate < today) return "past-due";
  return dueDate.slice(0, 7) === today.slice(0, 7) ? "due-this-month" : "upcoming";
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
