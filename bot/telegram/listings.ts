import type { AnswerDeps } from "../../answer/answer-types";
import { deadlineStatus, listDeadlines } from "../../answer/list-deadlines";
import { listFigures } from "../../answer/list-figures";
import type { Lang } from "../../answer/wording";
import { resolveBody } from "../../core/bodies";
import { findDates, formatIsoForReader } from "../../core/dates";
import { fold } from "../../core/text";
import type { DocumentMeta } from "../../core/types";
import {
  DEADLINE_LIST_LIMIT,
  type DeadlineRow,
  formatDeadlineRows,
  formatFigureList,
  formatSources,
} from "./format";
import { escapeHtml, shorten } from "./html";
import { texts } from "./texts";

/**
 * The listing commands: `/solieu` (figures on a topic), `/hanchot` (deadlines by period, body or
 * status) and `/nguon` (the documents). Each returns one HTML text for `splitHtml`.
 */
export const FIGURE_LIST_LIMIT = 10;
const TOPIC_CHARS = 100;

function documentsById(deps: AnswerDeps): Map<string, DocumentMeta> {
  return new Map(deps.index.documents.map((document) => [document.meta.id, document.meta]));
}

export async function figuresReply(deps: AnswerDeps, topic: string, lang: Lang): Promise<string> {
  const words = texts(lang);
  const trimmed = shorten(topic.trim(), TOPIC_CHARS);
  if (!trimmed) return words.figuresUsage;
  const figures = await listFigures(deps.index, { q: trimmed, limit: FIGURE_LIST_LIMIT }, deps.embedder);
  if (figures.length === 0) return escapeHtml(words.noFigures(trimmed));
  return formatFigureList(trimmed, figures, documentsById(deps), lang);
}

export interface DeadlineRequest {
  /** First and last day of the period asked about, with its ISO form for the title. */
  period?: { from: string; to: string; iso: string };
  body?: string;
  overdue?: boolean;
}

const OVERDUE_WORDS = /\b(?:qua han|tre han|overdue|past due|late)\b/;
const BARE_YEAR = /(?:^|\s)((?:19|20)\d{2})(?:\s|$)/;

function periodOf(argument: string): DeadlineRequest["period"] {
  const mention = findDates(argument)[0];
  if (mention) return { from: mention.periodStart, to: mention.periodEnd, iso: mention.iso };
  // A year alone ("/hanchot 2025") has no cue word for findDates to anchor on.
  const year = BARE_YEAR.exec(argument)?.[1];
  return year ? { from: `${year}-01-01`, to: `${year}-12-31`, iso: year } : undefined;
}

/**
 * Reads `/hanchot`'s argument: a period (`Q1 2025`, `quý I/2025`, `tháng 3/2025`), a body (`Bộ Y tế`),
 * "quá hạn", or any mix. Undefined when there is an argument but none of these could be read.
 */
export function readDeadlineRequest(argument: string): DeadlineRequest | undefined {
  const trimmed = argument.trim();
  if (!trimmed) return {};
  const period = periodOf(trimmed);
  const dateText = findDates(trimmed)[0]?.text ?? "";
  const body = resolveBody(dateText ? trimmed.replace(dateText, " ") : trimmed);
  const overdue = OVERDUE_WORDS.test(fold(trimmed).toLowerCase());
  if (!period && !body && !overdue) return undefined;
  return { ...(period ? { period } : {}), ...(body ? { body } : {}), ...(overdue ? { overdue } : {}) };
}

function deadlinesTitle(request: DeadlineRequest, count: number, lang: Lang): string {
  const words = texts(lang);
  const scope: string[] = [];
  if (request.period) scope.push(words.inPeriod(formatIsoForReader(request.period.iso, lang)));
  if (request.body) scope.push(words.ofBody(request.body));
  if (request.overdue) scope.push(`— ${words.overdue}`);
  const title = scope.length > 0 ? words.deadlinesIn(scope.join(" ")) : words.deadlinesAll;
  return `${title}: ${count}`;
}

export function deadlinesReply(deps: AnswerDeps, argument: string, lang: Lang): string {
  const words = texts(lang);
  const request = readDeadlineRequest(argument);
  if (!request) return words.deadlinesUnclear(escapeHtml(shorten(argument.trim(), TOPIC_CHARS)));
  const today = deps.today();
  const listed = listDeadlines(deps.index.deadlines, {
    today,
    ...(request.period ? { from: request.period.from, to: request.period.to } : {}),
    ...(request.body ? { body: request.body } : {}),
    ...(request.overdue ? { overdue: true } : {}),
  });
  if (listed.length === 0) return escapeHtml(words.noDeadlines);
  const documents = documentsById(deps);
  const rows: DeadlineRow[] = listed.slice(0, DEADLINE_LIST_LIMIT).map((deadline) => ({
    task: deadline.task,
    body: deadline.body,
    dueText: deadline.dueText,
    dueDate: deadline.dueDate,
    status: deadlineStatus(deadline.dueDate, today),
    reportedLate: deadline.late || deadline.lateNotes.length > 0,
    label: documents.get(deadline.docId)?.label ?? deadline.docId,
  }));
  const title = deadlinesTitle(request, listed.length, lang);
  return formatDeadlineRows(title, rows, lang, listed.length - rows.length);
}

export function sourcesReply(deps: AnswerDeps, lang: Lang): string {
  return formatSources(
    deps.index.documents.map((document) => document.meta),
    lang,
  );
}
