import type { AnswerDeadline, Citation } from "./api";
import { type DocumentsById, shortSource } from "./citation-parts";
import { element } from "./dom";
import { displayDate } from "./format";
import { strings } from "./i18n";
import { citationHref } from "./router";

/**
 * Deadlines as a table, each row citing the document that set the task. On a phone the rows become
 * cards; `data-label` carries the column name the stylesheet prints before each cell.
 */
function cell(label: string, ...children: (Node | string)[]): HTMLTableCellElement {
  return element("td", { "data-label": label }, ...children);
}

function statusCell(deadline: AnswerDeadline): HTMLTableCellElement {
  const words = strings();
  return cell(
    words.columnStatus,
    element("span", { class: `status status-${deadline.status}` }, words.status[deadline.status]),
    ...(deadline.reportedLate ? [element("span", { class: "reported-late" }, words.reportedLate)] : []),
  );
}

function row(
  deadline: AnswerDeadline,
  citation: Citation | undefined,
  documents: DocumentsById,
): HTMLTableRowElement {
  const words = strings();
  const source = citation
    ? element(
        "a",
        { href: citationHref(citation), title: citation.quote },
        shortSource(citation, documents),
        element("span", { class: "muted" }, ` (${displayDate(deadline.setOn)})`),
      )
    : displayDate(deadline.setOn);
  return element(
    "tr",
    { class: `deadline-row deadline-${deadline.status}` },
    cell(
      words.columnDue,
      element("span", { class: "due-text" }, deadline.dueText),
      element("time", { datetime: deadline.dueDate, class: "due-date" }, displayDate(deadline.dueDate)),
    ),
    cell(words.columnTask, deadline.task),
    cell(words.columnBody, deadline.body ?? "—"),
    statusCell(deadline),
    cell(words.columnSetBy, source),
  );
}

export function deadlineTable(
  deadlines: AnswerDeadline[],
  citations: Citation[],
  documents: DocumentsById,
): HTMLTableElement {
  const words = strings();
  const headings = [
    words.columnDue,
    words.columnTask,
    words.columnBody,
    words.columnStatus,
    words.columnSetBy,
  ];
  return element(
    "table",
    { class: "data-table deadline-table stack-on-phone" },
    element(
      "thead",
      {},
      element("tr", {}, ...headings.map((heading) => element("th", { scope: "col" }, heading))),
    ),
    element(
      "tbody",
      {},
      ...deadlines.map((deadline) => row(deadline, citations[deadline.citation], documents)),
    ),
  );
}

/** By due date, then by task so equal dates keep a stable order between visits. */
export function byDueDate(left: AnswerDeadline, right: AnswerDeadline): number {
  return left.dueDate.localeCompare(right.dueDate) || left.task.localeCompare(right.task, "vi");
}
