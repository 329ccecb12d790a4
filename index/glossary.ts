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
});

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
  entries: GlossaryEntry[];
  /** Folded wording → entries using it, longest wordings first. */
  byWording: Map<string, GlossaryEntry[]>;
  wordings: string[];
}

let compiled: Compiled | undefined;

export function foldPhrase(text: string): string {
  return fold(normalizeText(text))
    .replace(/[^\p{L}\p{N}%/]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
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
  for (const term of data.terms) add(term.en, term.vi);
  for (const group of data.synonyms) add([], group);
  const byWording = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    for (const wording of entry.wordings) byWording.set(wording, [...(byWording.get(wording) ?? []), entry]);
  }
  const wordings = [...byWording.keys()].sort((a, b) => b.length - a.length);
  compiled = { entries, byWording, wordings };
  return compiled;
}

/**
 * Glossary wordings found in a folded text, longest first and without overlaps. Offsets are into the
 * folded text.
 */
export function findGlossaryMatches(foldedText: string): GlossaryMatch[] {
  const { byWording, wordings } = compile();
  const padded = ` ${foldedText} `;
  const taken: Array<[number, number]> = [];
  const matches: GlossaryMatch[] = [];
  for (const wording of wordings) {
    // One-letter wordings ("i", "a") match too much once marks are gone.
    if (wording.length < 2) continue;
    let from = 0;
    for (
      let at = padded.indexOf(` ${wording} `, from);
      at !== -1;
      at = padded.indexOf(` ${wording} `, from)
    ) {
      from = at + 1;
      const start = at;
      const end = at + wording.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      matches.push({ start, end, matched: wording, entries: byWording.get(wording) ?? [] });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function glossarySize(): number {
  return compile().entries.length;
}
