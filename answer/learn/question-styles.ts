import { fold } from "../../core/text";
import { findGlossaryMatches, foldPhrase, glossaryData } from "../../index/glossary";
import { FOLDED_STOP_SYLLABLES } from "../../index/tokenize";
import type { Random } from "./random";

/**
 * The ways users ask, applied to a question draft built from an index item: formal Vietnamese, a
 * paraphrase through the glossary's synonym groups, chat (no marks, shorthand, words dropped), English
 * through the glossary, and dated or undated framings. Each style only rewrites the draft's words; what
 * the question asks for (the label) stays the item it was drawn from.
 */
export type QuestionStyle = "formal" | "paraphrase" | "chat" | "english" | "dated" | "undated";

export const QUESTION_STYLES: readonly QuestionStyle[] = [
  "formal",
  "paraphrase",
  "chat",
  "english",
  "dated",
  "undated",
];

export interface QuestionDraft {
  /** Context before the asked part (`Bộ Công an đã cấp`). */
  lead: string[];
  /** The Vietnamese question phrase (`bao nhiêu`, `khi nào`, `trong thời hạn nào`, `cơ quan nào`). */
  ask: string;
  /** What is asked about, right after the question phrase (`thẻ căn cước công dân gắn chip`). */
  focus: string[];
  /** Context after it. */
  tail: string[];
  /** The question phrase closes the question (`… phải hoàn thành khi nào`). */
  askAtEnd?: boolean;
  /** The English question phrase (`How many`, `When`, `By when`, `Which agency`). */
  englishAsk: string;
  /** Ways to name the item's report or moment (`báo cáo tháng 1/2025`, `the January 2025 report`). */
  references: { vi: string[]; en: string[] };
  /** The time the item describes, as a reader writes it (`tháng 01/2025`, `hết năm 2024`), when known. */
  time?: string;
  /** The item comes from the newest report: asking "hiện nay" (now) points at it. */
  newest: boolean;
}

interface Lexicon {
  /** Folded wording → other printed wordings of the same glossary entry. */
  synonyms: Map<string, string[]>;
  /** Folded Vietnamese wording → English wordings. */
  english: Map<string, string[]>;
  /** Folded long form → chat shorthand. */
  shorthand: Map<string, string>;
}

let lexicon: Lexicon | undefined;

function lexiconOf(): Lexicon {
  if (lexicon) return lexicon;
  const data = glossaryData();
  const synonyms = new Map<string, string[]>();
  const addGroup = (group: string[]) => {
    for (const wording of group) {
      const others = group.filter((other) => foldPhrase(other) !== foldPhrase(wording));
      synonyms.set(foldPhrase(wording), [...(synonyms.get(foldPhrase(wording)) ?? []), ...others]);
    }
  };
  for (const acronym of data.acronyms) addGroup([acronym.short, ...acronym.long]);
  for (const term of data.terms) addGroup(term.vi);
  for (const group of data.synonyms) addGroup(group);
  const english = new Map<string, string[]>();
  for (const term of data.terms) {
    for (const wording of term.vi) english.set(foldPhrase(wording), term.en);
  }
  const shorthand = new Map<string, string>();
  // The first shorthand listed for a phrase is the one people type most (`bn` before `bnhieu`).
  for (const entry of data.chat) {
    if (!shorthand.has(foldPhrase(entry.long))) shorthand.set(foldPhrase(entry.long), fold(entry.short));
  }
  for (const acronym of data.acronyms) {
    for (const long of acronym.long) shorthand.set(foldPhrase(long), fold(acronym.short));
  }
  lexicon = { synonyms, english, shorthand };
  return lexicon;
}

/** Replaces glossary wordings by another wording of the same entry, each with the given chance. */
function paraphrase(text: string, random: Random, chance: number): string {
  const { synonyms } = lexiconOf();
  const folded = fold(text);
  let result = "";
  let at = 0;
  for (const match of findGlossaryMatches(folded)) {
    // Offsets are into ` ${folded} `-free folded text, which has the original's length.
    const start = match.start;
    const end = match.end;
    const others = synonyms.get(match.matched) ?? [];
    if (start < at || others.length === 0 || !random.chance(chance)) continue;
    result += `${text.slice(at, start)}${random.pick(others)}`;
    at = end;
  }
  return result + text.slice(at);
}

/** Function words go first: people drop `đã`, `các`, `được` far more often than the words that carry the topic. */
function dropWords(words: string[], random: Random, chance: number): string[] {
  const kept = words.filter((word) => {
    const functionWord = FOLDED_STOP_SYLLABLES.has(fold(word)) || word.length <= 2;
    return !random.chance(functionWord ? Math.min(0.9, chance * 2) : chance / 2);
  });
  return kept.length > 0 ? kept : words.slice(0, 1);
}

function joined(parts: string[]): string {
  return parts
    .join(" ")
    .replace(/\s+([,.;:?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function vietnamese(draft: QuestionDraft, random: Random, dropChance: number, reorder: boolean): string {
  const lead = dropWords(draft.lead, random, dropChance);
  const tail = dropWords(draft.tail, random, dropChance);
  const focus = draft.focus;
  if (draft.askAtEnd) return joined([...lead, ...focus, ...tail, draft.ask]);
  const asked = joined([draft.ask, ...focus]);
  if (reorder && lead.length > 0) return joined([asked, ...lead, ...tail]);
  return joined([...lead, asked, ...tail]);
}

function chatForm(text: string, random: Random): string {
  const { shorthand } = lexiconOf();
  let folded = ` ${foldPhrase(text)} `;
  for (const [long, short] of shorthand) {
    if (folded.includes(` ${long} `) && random.chance(0.7))
      folded = folded.split(` ${long} `).join(` ${short} `);
  }
  return folded.trim();
}

// Names the glossary does not translate (`Hà Nội`, `Viettel`) stay, without marks, as English writers type them.
const NAMES = /(?<![\p{L}])\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*/gu;

/** English through the glossary: translated terms and names, the rest left out; undefined when too little translates. */
function english(draft: QuestionDraft, random: Random): string | undefined {
  const { english: toEnglish } = lexiconOf();
  const text = joined([...draft.focus, ...draft.lead, ...draft.tail]);
  const folded = fold(text);
  const parts: Array<{ at: number; words: string }> = [];
  const matches = findGlossaryMatches(folded);
  for (const match of matches) {
    const glossed = toEnglish.get(match.matched);
    if (glossed && glossed.length > 0)
      parts.push({ at: match.start, words: random.pick(glossed.slice(0, 3)) });
  }
  const translated = parts.length;
  if (translated < 2) return undefined;
  for (const name of text.matchAll(NAMES)) {
    const at = name.index ?? 0;
    if (matches.some((match) => at < match.end && at + name[0].length > match.start)) continue;
    parts.push({ at, words: foldPhrase(name[0]).replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()) });
  }
  parts.sort((a, b) => a.at - b.at);
  return `${draft.englishAsk} ${joined([...new Set(parts.map((part) => part.words))])}?`;
}

/** The draft written in one style, or undefined when the style does not apply (nothing to translate, no date). */
export function writeQuestion(
  draft: QuestionDraft,
  style: QuestionStyle,
  random: Random,
): string | undefined {
  switch (style) {
    case "formal":
      return `${sentenceCase(vietnamese(draft, random, 0.1, false))}?`;
    case "paraphrase":
      return `${sentenceCase(paraphrase(vietnamese(draft, random, 0.3, random.chance(0.4)), random, 0.7))}?`;
    case "chat":
      return chatForm(paraphrase(vietnamese(draft, random, 0.45, random.chance(0.3)), random, 0.3), random);
    case "english": {
      const question = english(draft, random);
      const reference =
        draft.references.en.length > 0 && random.chance(0.4) ? random.pick(draft.references.en) : "";
      return question && reference
        ? `According to the ${reference}, ${question.charAt(0).toLowerCase()}${question.slice(1)}`
        : question;
    }
    case "dated": {
      const frames = [
        ...draft.references.vi.map((reference) => `Theo ${reference},`),
        ...(draft.time ? [`Tính đến ${draft.time},`, `Đến ${draft.time},`] : []),
      ];
      if (frames.length === 0) return undefined;
      return `${random.pick(frames)} ${vietnamese(draft, random, 0.15, false)}?`;
    }
    case "undated":
      // "Now" asks for the newest figure: only an item of the newest report answers it.
      if (!draft.newest) return undefined;
      return `${random.pick(["Hiện nay,", "Đến nay,", "Hiện tại"])} ${vietnamese(draft, random, 0.15, false)}?`;
  }
}
