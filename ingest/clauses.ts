/**
 * Clauses of a sentence. A directive packs several tasks into one sentence, split by `;` or by sub-item
 * markers (`(ii)`, `(2)`, `⁽²⁾`, `(²)`), and each task has its own deadline and often its own subject:
 * `a) Bộ Công an: (i) …, hoàn thành trong năm 2024; (ii) …`. A marker glued to the end of the previous
 * item (`hộ kinh doanh .⁽⁹⁾ Bộ …`) still starts a clause.
 */
export interface Span {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /;|(?<=^|[\s.,;:])(?:\([ivx]{1,4}\)|\(\d{1,2}\)|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])(?=\s)/gu;

/** Every clause of the sentence, in order, as offsets into it (markers and `;` left out). */
export function clausesOf(sentence: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: sentence.length });
  return spans.filter((span) => sentence.slice(span.start, span.end).trim().length > 0);
}

/** The clause that holds the offset `at`. */
export function clauseAround(sentence: string, at: number): Span {
  const clauses = clausesOf(sentence);
  return (
    clauses.filter((clause) => clause.start <= at).at(-1) ?? clauses[0] ?? { start: 0, end: sentence.length }
  );
}
