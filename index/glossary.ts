import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold, normalizeText } from "../core/text";

/**
 * The bilingual domain glossary (`index/glossary.json`, data not code): acronyms and their expansions,
 * English ↔ Vietnamese terms, and Vietnamese paraphrases. A question's phrase that matches an entry is
 * searched for in every wording of that entry, so `citizen ID card` finds `căn cước công dân` and `CCCD`.
 */
const glossarySchema = z.object({
  acronyms: z.array(z.object({ short: z.string(), long: z.array(z.string()) })).default([]),
  terms: z.array(z.object({ en: z.array(z.string()), vi: z.array(z.string()) })).default([]),
  synonyms: z.array(z.array(z.string())).default([]),
  /** Chat shorthand (`bn`, `dc`, `tk`) and what it stands for; replaced in a question before it is read. */
  chat: z.array(z.object({ short: z.string(), long: z.string() })).default([]),
});

export type GlossaryData = z.infer<typeof glossarySchema>;

export interface GlossaryEntry {
  /** Every wording, folded to plain letters and single spaces. */
  wordings: string[];
  /** Wordings a report would print (Vietnamese and acronyms), folded. */
  reportWordings: string[];
}

export interface GlossaryMatch {
  start: number;
  end: number;
  /** The wording found in the text, folded. */
  matched: string;
  entries: GlossaryEntry[];
}

interface Compiled {
  data: GlossaryData;
  /** Folded chat shorthand → its folded long form. */
  chat: Map<string, string>;
  entries: GlossaryEntry[];
  /** Folded wording → entries using it. */
  byWording: Map<string, GlossaryEntry[]>;
  /** First syllable → the wordings starting with it, so a text is scanned once, syllable by syllable. */
  byFirstSyllable: Map<string, string[]>;
}

let compiled: Compiled | undefined;

export function foldPhrase(text: string): string {
  return fold(normalizeText(text))
    .replace(/[^\p{L}\p{N}%/]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * An English wording and its plural ("working group" → "working groups"), so the glossary need not list
 * both. No Vietnamese syllable ends in "s", so a plural never collides with a report's wording.
 */
function withPlural(wording: string): string[] {
  const last = /([a-z]{3,})$/.exec(wording)?.[1];
  if (!last || /s$/.test(last)) return [wording];
  if (/[^aeiou]y$/.test(last)) return [wording, `${wording.slice(0, -1)}ies`];
  if (/(x|z|ch|sh)$/.test(last)) return [wording, `${wording}es`];
  return [wording, `${wording}s`];
}

function compile(): Compiled {
  if (compiled) return compiled;
  const path = fileURLToPath(new URL("./glossary.json", import.meta.url));
  const data = glossarySchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const entries: GlossaryEntry[] = [];
  const add = (english: string[], report: string[]) => {
    const reportWordings = [...new Set(report.map(foldPhrase).filter(Boolean))];
    const wordings = [...new Set([...english.map(foldPhrase), ...reportWordings].filter(Boolean))];
    if (wordings.length > 1) entries.push({ wordings, reportWordings });
  };
  for (const acronym of data.acronyms) add([], [acronym.short, ...acronym.long]);
  for (const term of data.terms) add(term.en.flatMap(withPlural), term.vi);
  for (const group of data.synonyms) add([], group);
  const byWording = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    for (const wording of entry.wordings) byWording.set(wording, [...(byWording.get(wording) ?? []), entry]);
  }
  const byFirstSyllable = new Map<string, string[]>();
  // One-letter wordings ("i", "a") match too much once marks are gone.
  for (const wording of [...byWording.keys()].filter((candidate) => candidate.length >= 2)) {
    const first = wording.split(" ")[0] ?? wording;
    byFirstSyllable.set(first, [...(byFirstSyllable.get(first) ?? []), wording]);
  }
  const chat = new Map(data.chat.map((entry) => [foldPhrase(entry.short), foldPhrase(entry.long)]));
  compiled = { data, chat, entries, byWording, byFirstSyllable };
  return compiled;
}

/** The glossary as written in `index/glossary.json` (question generation reads its original wordings). */
export function glossaryData(): GlossaryData {
  return compile().data;
}

/**
 * Replaces chat shorthand (`bn`, `dc`, `tk`, `t1/2025`) by what it stands for, folded: `co bn tk` →
 * `co bao nhieu tai khoan`.
 */
export function expandChatWords(text: string): string {
  const { chat } = compile();
  return (
    text
      // "t1/2025", "q4/2024": a month or a quarter typed short. Folded like every expansion, so a
      // question typed without marks stays one.
      .replace(
        /(?<![\p{L}\p{N}/-])([tq])(\d{1,2})\/(\d{4})(?![\p{L}\p{N}/-])/giu,
        (_, kind: string, part, year) => `${kind.toLowerCase() === "t" ? "thang" : "quy"} ${part}/${year}`,
      )
      // "kh51", "nq57": a document's kind typed glued to its number.
      .replace(/(?<![\p{L}\p{N}/-])(\p{L}{2,3})(\d{2,4})(?![\p{L}\p{N}/-])/gu, "$1 $2")
      .replace(
        // Not inside a document number: the "TTg" of "206/QĐ-TTg" is not chat.
        /(?<![\p{L}\p{N}/-])[\p{L}]{1,6}(?![\p{L}\p{N}/-])/gu,
        (word) => chat.get(fold(word)) ?? word,
      )
  );
}

/**
 * Glossary wordings found in a folded text, longest first and without overlaps. Offsets are into the
 * folded text.
 */
export function findGlossaryMatches(foldedText: string): GlossaryMatch[] {
  const { byWording, byFirstSyllable } = compile();
  const padded = ` ${foldedText} `;
  const found: Array<{ start: number; wording: string }> = [];
  for (
    let space = padded.indexOf(" ");
    space !== -1 && space < padded.length - 1;
    space = padded.indexOf(" ", space + 1)
  ) {
    const next = padded.indexOf(" ", space + 1);
    const first = padded.slice(space + 1, next === -1 ? padded.length : next);
    for (const wording of byFirstSyllable.get(first) ?? []) {
      if (padded.startsWith(` ${wording} `, space)) found.push({ start: space, wording });
    }
  }
  // Longest wordings win; a shorter one inside a longer one is not a match of its own.
  found.sort((a, b) => b.wording.length - a.wording.length || a.start - b.start);
  const matches: GlossaryMatch[] = [];
  for (const { start, wording } of found) {
    const end = start + wording.length;
    if (matches.some((match) => start < match.end && end > match.start)) continue;
    matches.push({ start, end, matched: wording, entries: byWording.get(wording) ?? [] });
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * Groups of wordings that name the same thing in a report (acronyms with their expansions, synonym groups),
 * folded. Series keys use them so `tài khoản VNeID` and `tài khoản định danh điện tử` are one measure.
 */
export function reportSynonymGroups(): string[][] {
  const { data } = compile();
  return [...data.acronyms.map((acronym) => [acronym.short, ...acronym.long]), ...data.synonyms].map(
    (group) => [...new Set(group.map(foldPhrase).filter(Boolean))],
  );
}
