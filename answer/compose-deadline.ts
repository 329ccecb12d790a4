import { fold } from "../core/text";
import type { Deadline } from "../core/types";
import type { AnswerDeadline } from "./answer-types";
import type { QuoteSpot } from "./citations";
import { type Composition, type Context, QUOTE_LIMIT, spotOf } from "./compose";
import { deadlineStatus, listDeadlines } from "./list-deadlines";
import { excerpt, phrases, readableDate, sourceLine } from "./wording";

/**
 * Deadline answers: one task (what, who, due as printed and normalized, whether past due), or every task
 * matching a period, a body and a status, sorted by due date.
 */
const MAX_LISTED = 15;

const TASK_REACH = 1500;
const TASK_EDGE = 24;

/**
 * The quote a deadline is cited with: its sentence, reaching back to where its task begins when the task
 * starts in the sentence before ("Tham mưu … ban hành Nghị định …. Hoàn thành trong Quý I/2025."), or on
 * to where its task ends when the due date is printed in a heading above the task ("I. Triển khai các
 * nhiệm vụ cấp bách từ nay đến Tết Nguyên đán …"): the quote holds every word the answer prints.
 */
function deadlineSpot(deadline: Deadline, context: Context): QuoteSpot {
  const spot = spotOf(deadline);
  const text = context.deps.index.documentsById.get(deadline.docId)?.text;
  const head = deadline.task.slice(0, TASK_EDGE);
  if (!text || deadline.sentence.includes(head)) return spot;
  const sentenceEnd = deadline.sentenceStart + deadline.sentence.length;
  const from = text.lastIndexOf(head, deadline.sentenceStart);
  if (from !== -1 && deadline.sentenceStart - from <= TASK_REACH)
    return { ...spot, sentence: text.slice(from, sentenceEnd), sentenceStart: from };
  const below = text.indexOf(head, sentenceEnd);
  const tail = deadline.task.slice(-TASK_EDGE);
  const tailAt = below === -1 ? -1 : text.indexOf(tail, below);
  if (below === -1 || below - sentenceEnd > TASK_REACH || tailAt === -1) return spot;
  return { ...spot, sentence: text.slice(deadline.sentenceStart, tailAt + tail.length) };
}

function deadlineEntry(deadline: Deadline, context: Context): AnswerDeadline {
  return {
    task: deadline.task,
    ...(deadline.body ? { body: deadline.body } : {}),
    dueText: deadline.dueText,
    dueDate: deadline.dueDate,
    setOn: deadline.setOn,
    status: deadlineStatus(deadline.dueDate, context.today),
    reportedLate: deadline.late || deadline.lateNotes.length > 0,
    citation: context.citations.add(deadlineSpot(deadline, context)),
  };
}

/** "Bộ Y tế: " before a task, unless the task already names its body ("Yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh: …"). */
function whoLead({ body, task }: { body?: string; task: string }): string {
  return body && !fold(task).includes(fold(body)) ? `${body}: ` : "";
}

function statusText(entry: AnswerDeadline, context: Context): string {
  const words = phrases(context.lang);
  const late = entry.reportedLate ? `; ${words.reportedLate}` : "";
  return `${words.status[entry.status]} (${words.today} ${readableDate(context.today, context.lang)})${late}`;
}

export function composeDeadline(deadline: Deadline, context: Context): Composition {
  const entry = deadlineEntry(deadline, context);
  const words = phrases(context.lang);
  const citation = context.citations.items[entry.citation];
  const who = whoLead(deadline);
  const quote = citation?.quote ?? deadline.sentence;
  const at = deadline.start - (citation?.start ?? deadline.sentenceStart);
  const lines = [
    `${who}${deadline.task} — ${words.due} ${deadline.dueText} (${readableDate(deadline.dueDate, context.lang)}), ${words.setBy} ${citation ? sourceLine(citation, context.lang) : ""}.`,
    `${statusText(entry, context)}.`,
    `${words.quote}: "${excerpt(quote, at, deadline.end - (citation?.start ?? deadline.sentenceStart), QUOTE_LIMIT)}"`,
  ];
  return {
    lines,
    figures: [],
    deadlines: [entry],
    derived: [deadline.dueDate, readableDate(deadline.dueDate, context.lang), context.today],
  };
}

function datesNamedDocument({ plan, deps }: Context): boolean {
  const time = plan.time;
  if (!time) return false;
  return plan.docIds.some((docId) => {
    const meta = deps.index.documentsById.get(docId)?.meta;
    return [meta?.asOf, meta?.date].some(
      (date) =>
        date !== undefined &&
        date.slice(0, 7) >= time.periodStart.slice(0, 7) &&
        date.slice(0, 7) <= time.periodEnd.slice(0, 7),
    );
  });
}

// "Phải xong trước 31/3/2025", "due by 31 March 2025": every task due up to that day, not only on it.
// ("Trước tháng 3/2024" may mean before March or within it: a month, quarter or year keeps its period.)
const BY_DAY = /^(?:truoc|by|before|no later than)\b/;

const dueBy = (time: NonNullable<Context["plan"]["time"]>) =>
  /^\d{4}-\d{2}-\d{2}$/.test(time.iso) && BY_DAY.test(fold(time.text));

function listScope(context: Context): string {
  const { plan, lang } = context;
  const parts: string[] = [];
  if (plan.time && !datesNamedDocument(context)) {
    const month = lang === "vi" && /^\d{4}-\d{2}$/.test(plan.time.iso) ? "tháng " : "";
    const within = dueBy(plan.time) ? (lang === "vi" ? "đến" : "up to") : lang === "vi" ? "trong" : "in";
    parts.push(` ${within} ${month}${readableDate(plan.time.iso, lang)}`);
  }
  if (plan.body) parts.push(lang === "vi" ? ` của ${plan.body}` : ` for ${plan.body}`);
  if (plan.overdue) parts.push(lang === "vi" ? " đã quá hạn" : " past due");
  return parts.join("");
}

export function composeDeadlineList(context: Context): Composition | undefined {
  const { plan, today, lang } = context;
  // "…according to the January 2025 report": a time the named report is dated in dates the report, whose
  // deadlines are listed; another time ("theo kết luận tháng 12/2023, … trong tháng 01/2024") is when they fall due.
  const fromDocuments = plan.docIds.length > 0;
  const all = context.deps.index.deadlines;
  const deadlines = fromDocuments ? all.filter((deadline) => plan.docIds.includes(deadline.docId)) : all;
  const dueTime = plan.time && !datesNamedDocument(context) ? plan.time : undefined;
  const listed = listDeadlines(deadlines, {
    today,
    ...(dueTime ? { ...(dueBy(dueTime) ? {} : { from: dueTime.periodStart }), to: dueTime.periodEnd } : {}),
    ...(plan.body ? { body: plan.body } : {}),
    ...(plan.overdue ? { overdue: true } : {}),
  });
  if (listed.length === 0) return undefined;
  const words = phrases(lang);
  const entries = listed.map((deadline) => deadlineEntry(deadline, context));
  const lines = [words.deadlines(listScope(context))];
  for (const entry of entries.slice(0, MAX_LISTED)) {
    const citation = context.citations.items[entry.citation];
    const who = whoLead(entry);
    const late = entry.reportedLate ? ` — ${words.reportedLate}` : "";
    lines.push(
      `• ${readableDate(entry.dueDate, lang)} — ${who}${entry.task} (${entry.dueText}; ${citation?.label ?? ""})${late}`,
    );
  }
  if (entries.length > MAX_LISTED) lines.push(words.moreDeadlines);
  const derived = entries.flatMap((entry) => [entry.dueDate, readableDate(entry.dueDate, lang)]);
  return { lines, figures: [], deadlines: entries, derived: [...derived, today, plan.question] };
}
