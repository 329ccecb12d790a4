import { SUPERSCRIPT_DIGITS } from "../core/text";
import type { Section } from "../core/types";

/**
 * Recovers the section tree from the cleaned text's paragraphs (one per line): `PHẦN THỨ…`, `A.`, `I.`,
 * `1.`, `1.1.`, `2.3.1.`, `a)`, `(1)`, and all-caps slide titles. Every paragraph then knows its path,
 * e.g. `II. KẾT QUẢ… › 4. Về phát triển công dân số › 4.1`.
 */

interface HeadingRule {
  level: number;
  pattern: RegExp;
}

// Lower level = higher in the tree. The order of the marker kinds is the same in every report we have seen.
const HEADING_RULES: HeadingRule[] = [
  { level: 0, pattern: /^PHẦN\s+(?:THỨ\s+)?[\p{Lu}\d]+\b[.:]?/u },
  { level: 1, pattern: /^[A-H]\.(?=\s+\p{Lu})/u },
  { level: 2, pattern: /^[IVX]{1,5}\.(?=\s)/u },
  { level: 5, pattern: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?(?=\s)/u },
  { level: 4, pattern: /^\d{1,2}\.\d{1,2}\.?(?=\s)/u },
  { level: 3, pattern: /^\d{1,2}\.(?=\s)/u },
  { level: 6, pattern: /^[a-zđ]\)(?=\s)/u },
  { level: 7, pattern: /^\(\d{1,2}\)(?=\s)/u },
];

const TITLE_LEVEL = 2;
const MAX_FULL_LABEL = 100;
const MAX_CLAUSE_LABEL = 60;

export interface Heading {
  level: number;
  label: string;
}

function isAllCapsTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const words = text.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word));
  return (
    text.length <= 160 &&
    words.length >= 2 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/** The short name a heading paragraph gets in a section path. */
function headingLabel(paragraph: string, marker: string): string {
  const text = paragraph.trim();
  if (text.length <= MAX_FULL_LABEL && !/[.;]$/.test(text)) return text.replace(/:$/, "");
  const colon = text.indexOf(":");
  if (colon > marker.length && colon <= MAX_CLAUSE_LABEL) return text.slice(0, colon);
  return marker;
}

/** The heading a paragraph opens, if it opens one. Footnotes never do. */
export function headingOf(paragraph: string): Heading | undefined {
  const text = paragraph.trim();
  if (text.length === 0 || SUPERSCRIPT_DIGITS.includes(text.charAt(0))) return undefined;
  for (const rule of HEADING_RULES) {
    const match = rule.pattern.exec(text);
    if (match) return { level: rule.level, label: headingLabel(text, match[0]) };
  }
  if (isAllCapsTitle(text)) return { level: TITLE_LEVEL, label: text };
  return undefined;
}

/**
 * Splits the text into sections: each starts at a heading paragraph and runs to the next one, carrying the
 * path of headings above it. Text before the first heading forms a section with an empty path.
 */
export function findSections(text: string): Section[] {
  const sections: Section[] = [];
  const stack: Heading[] = [];
  let current: Section = { path: [], start: 0, end: 0 };
  let offset = 0;
  for (const paragraph of text.split("\n")) {
    const heading = headingOf(paragraph);
    if (heading) {
      if (offset > current.start) sections.push({ ...current, end: offset - 1 });
      while (stack.length > 0 && (stack.at(-1)?.level ?? -1) >= heading.level) stack.pop();
      stack.push(heading);
      current = { path: stack.map((entry) => entry.label), start: offset, end: offset };
    }
    offset += paragraph.length + 1;
  }
  if (text.length > current.start) sections.push({ ...current, end: text.length });
  return sections;
}
