import type { SentenceSpan } from "../core/sentences";
import type { CleanDocument, Section } from "../core/types";
import { clausesOf, type Span } from "./clauses";
import { embeddedSubject, opensWithTask, type Subject, subjectOf } from "./subject-phrase";

/**
 * Who must do a task, from the nearest place the report names them:
 * 1. the clause itself (`Bộ Y tế chủ trì, …`; `Giao các Bộ, cơ quan: …, khẩn trương …`), or a subject
 *    inside it (`…, trong đó, giao Bộ Công an …`);
 * 2. the sentence's opening subject, when the clause continues it after `;` or the subject leads a list
 *    (`a) Bộ Công an: (i) …; (ii) …`);
 * 3. the paragraph: the last lead-in before the sentence (`… a) Văn phòng Chính phủ: (i) …`), else the
 *    subject that opens the paragraph (`5. Bộ Kế hoạch và Đầu tư chủ trì, … Phấn đấu hoàn thành …`);
 * 4. the sections around it, innermost first: a lead-in paragraph ending with `:` (`Các bộ, ngành, địa
 *    phương tập trung triển khai các nhiệm vụ sau:`) or the heading (`(1) Về pháp lý: Bộ Thông tin và
 *    Truyền thông chưa hoàn thành 04 nội dung`, `8. Giao Bộ Công an, Văn phòng Chính phủ …`).
 * Nothing is guessed from a body merely mentioned: a wrong owner is worse than none.
 */
export interface TaskPlace {
  document: CleanDocument;
  sentence: SentenceSpan;
  /** The clause of the sentence that holds the task, as offsets into the sentence. */
  clause: Span;
}

// A list marker inside a paragraph can open a lead-in: `3. Tập trung … a) Văn phòng Chính phủ: (i) …`.
const INNER_MARKER = /(?<=^|[\s.;:])(?:[a-zđ]\)|\(\d{1,2}\)|\d{1,2}\.|[-–•])(?=\s)/gu;

/** The subject the clause names itself. */
function clauseSubject(place: TaskPlace): Subject | undefined {
  const text = place.sentence.text.slice(place.clause.start, place.clause.end);
  return subjectOf(text) ?? embeddedSubject(text);
}

/** The sentence's opening subject, when it carries over to this clause. */
function sentenceSubject(place: TaskPlace): Subject | undefined {
  const clauses = clausesOf(place.sentence.text);
  const index = clauses.findIndex((clause) => clause.start === place.clause.start);
  const first = clauses[0];
  if (!first || index <= 0) return undefined;
  const subject = subjectOf(place.sentence.text.slice(first.start, first.end));
  if (!subject) return undefined;
  if (subject.leadsList) return subject;
  // `X phối hợp …; chỉ đạo …, báo cáo … trong tháng 6`: clauses split only by `;` share the subject.
  const joinedBySemicolons = clauses
    .slice(1, index + 1)
    .every((clause, at) => place.sentence.text.slice(clauses[at]?.end, clause.start).trim() === ";");
  return joinedBySemicolons ? subject : undefined;
}

function paragraphAround(text: string, offset: number): Span {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { start, end: end === -1 ? text.length : end };
}

/** The last lead-in before the sentence in its paragraph, else the subject that opens the paragraph. */
function paragraphSubject(place: TaskPlace): Subject | undefined {
  const { text } = place.document;
  const paragraph = paragraphAround(text, place.sentence.start);
  const before = text.slice(paragraph.start, place.sentence.start + place.clause.start);
  const leads = [0, ...[...before.matchAll(INNER_MARKER)].map((match) => match.index)]
    .map((at) => subjectOf(before.slice(at)))
    .filter((subject): subject is Subject => subject?.leadsList === true);
  if (leads.length > 0) return leads.at(-1);
  if (paragraph.start === place.sentence.start) return undefined;
  return subjectOf(text.slice(paragraph.start, place.sentence.start));
}

/** Sections holding the offset, innermost first (sections are flat: each runs to the next heading). */
function enclosingSections(sections: Section[], offset: number): Section[] {
  const index = sections.findLastIndex((section) => section.start <= offset);
  const innermost = sections[index];
  if (!innermost) return [];
  const chain = [innermost];
  for (let depth = innermost.path.length - 1; depth >= 1; depth--) {
    const prefix = innermost.path.slice(0, depth).join("\u0000");
    const parent = sections
      .slice(0, index)
      .findLast((section) => section.path.length === depth && section.path.join("\u0000") === prefix);
    if (parent) chain.push(parent);
  }
  return chain;
}

// `Tổ Công tác … kính đề xuất đồng chí Thủ tướng Chính phủ chỉ đạo:` introduces proposals: whoever
// proposes or reports is not who must act.
const PROPOSING = /^(?:kính|đề xuất|kiến nghị|đề nghị|báo cáo)$/u;

/** A section's owner: the nearest lead-in paragraph (ending with `:`) before the offset, or its heading. */
function sectionOwner(text: string, section: Section, before: number): Subject | undefined {
  const paragraphs: Span[] = [];
  for (let start = section.start; start < Math.min(section.end, before); ) {
    const paragraph = paragraphAround(text, start);
    if (paragraph.start >= before) break;
    paragraphs.push(paragraph);
    start = paragraph.end + 1;
  }
  for (const [at, paragraph] of [...paragraphs.entries()].reverse()) {
    const body = text.slice(paragraph.start, paragraph.end).trim();
    if (at === 0 || body.endsWith(":")) {
      const subject = subjectOf(body);
      if (subject && !PROPOSING.test(subject.verb ?? "")) return subject;
    }
  }
  return undefined;
}

function enclosingOwner(place: TaskPlace): Subject | undefined {
  const { text, sections } = place.document;
  const paragraph = paragraphAround(text, place.sentence.start);
  for (const section of enclosingSections(sections, place.sentence.start)) {
    const owner = sectionOwner(text, section, paragraph.start);
    if (owner) return owner;
  }
  return undefined;
}

/** The body that must do the task at this place, as the report names it; undefined when it names none. */
export function responsibleBody(place: TaskPlace): string | undefined {
  return (clauseSubject(place) ?? sentenceSubject(place) ?? paragraphSubject(place) ?? enclosingOwner(place))
    ?.name;
}

/**
 * The body a subjectless task continues from its sentence or paragraph: "(8) Bộ Xây dựng triển khai …. Phối
 * hợp với Bộ Công an …; Hướng dẫn UBND …" is the Ministry of Construction's task, though the sentence
 * never names it. Undefined when the sentence names its own subject or opens with anything but a task.
 */
export function continuedBody(place: TaskPlace): string | undefined {
  const text = place.sentence.text.slice(place.clause.start, place.clause.end);
  if (clauseSubject(place) || !opensWithTask(text)) return undefined;
  return (sentenceSubject(place) ?? paragraphSubject(place))?.name;
}

/** Whether the sentence itself says who acts (its clause, or its opening subject). */
export function namesItsOwnBody(place: TaskPlace): boolean {
  return (clauseSubject(place) ?? sentenceSubject(place)) !== undefined;
}
