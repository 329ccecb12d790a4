import type { DateMention } from "../core/dates";
import type { SentenceSpan } from "../core/sentences";
import type { CleanDocument } from "../core/types";
import type { Span } from "./clauses";
import { dueDatesIn } from "./due-dates";

/**
 * A time limit set by a title heading for the tasks listed under it: `I. Triển khai các nhiệm vụ cấp bách
 * từ nay đến Tết Nguyên đán Giáp Thìn 2024`. A title is a heading paragraph without a closing full stop;
 * `1. Ban hành Kế hoạch …, hoàn thành trong tháng 01 năm 2024.` is a task that happens to be numbered.
 */
export interface HeadingLimit {
  /** The heading paragraph, as a quotable span of the document. */
  heading: SentenceSpan;
  /** The due wording, offsets into the document. */
  due: DateMention;
  /** The text the limit governs: the heading's section and every section below it. */
  governs: Span;
}

const MAX_TITLE_CHARS = 160;

function isTitle(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length > 0 && text.length <= MAX_TITLE_CHARS && !/[.;]$/.test(text);
}

/** Every title heading of the document that sets a due date, with the text it governs. */
export function headingLimits(document: CleanDocument): HeadingLimit[] {
  const { text, sections } = document;
  const limits: HeadingLimit[] = [];
  sections.forEach((section, index) => {
    const lineEnd = text.indexOf("\n", section.start);
    const paragraph = text.slice(section.start, lineEnd === -1 ? text.length : lineEnd);
    if (section.path.length === 0 || !isTitle(paragraph)) return;
    const due = dueDatesIn(paragraph)[0];
    if (!due) return;
    const depth = section.path.length;
    const below = sections.slice(index + 1).findIndex((next) => next.path.length <= depth);
    const end = below === -1 ? text.length : (sections[index + 1 + below]?.start ?? text.length);
    limits.push({
      heading: { start: section.start, end: section.start + paragraph.length, text: paragraph },
      due: { ...due, start: section.start + due.start, end: section.start + due.end },
      governs: { start: section.start, end },
    });
  });
  return limits;
}
