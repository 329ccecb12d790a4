import { type DateMention, findDates, isComparisonDate } from "../core/dates";
import { namesPlace, placesIn } from "../core/places";
import { PARAGRAPH_STARTS_HERE, paragraphBefore, splitSentences } from "../core/sentences";
import { fold } from "../core/text";
import type { Chunk, CleanDocument, Deadline, Figure, Footnote } from "../core/types";
import { wordsIn } from "../index/coverage";
import { CITED_DOCUMENT_KINDS } from "../index/document-reference";
import type { QueryPlan } from "../index/query";
import type { LoadedIndex } from "../index/read";
import { hitAt, type SearchHit, timeFit } from "../index/search";
import type { QuoteSpot } from "./citations";

/**
 * Everything that could answer a question, taken from the passages the search found: each extracted
 * figure, each deadline, each printed date and each whole sentence. The learned ranker picks among them;
 * whatever it picks is quoted as printed.
 */
export type CandidateKind = "figure" | "date" | "deadline" | "sentence";

export const CANDIDATE_KINDS: readonly CandidateKind[] = ["figure", "date", "deadline", "sentence"];

export interface SentenceInContext {
  spot: QuoteSpot;
  /** The search hit (chunk) holding the sentence, and its rank among the hits. */
  hit: SearchHit;
  hitRank: number;
  /** Position of the sentence in its chunk (0 = first). */
  ordinal: number;
  figures: Figure[];
  deadlines: Deadline[];
  dates: DateMention[];
  /** Dates in the heading the sentence stands under ("2. NHIỆM VỤ TRỌNG TÂM NĂM 2022"): they date its tasks. */
  headingDates: DateMention[];
  /** For a footnote, the sentence whose marker points to it: what the footnote's list is about. */
  referrer?: string;
  /** The sentence folded (same offsets). */
  folded: string;
  /**
   * The sentence read in its context, folded: its heading, the sentence before it in its paragraph (or,
   * for a footnote, the sentence referring to it), itself.
   */
  foldedContext: string;
  /** The folded context's pieces (heading, sentences before, the sentence), which it joins by line breaks. */
  contextPieces: string[];
  /** The words of that context (`wordsIn`: a footnote marker glued to a word is not part of it). */
  contextWords: Set<string>;
}

export interface Candidate {
  kind: CandidateKind;
  sentence: SentenceInContext;
  /** Offsets of the answer inside the sentence; the whole sentence for a sentence candidate. */
  start: number;
  end: number;
  figure?: Figure;
  deadline?: Deadline;
  date?: DateMention;
  /** The date is printed in the sentence's heading, not in the sentence. */
  fromHeading?: boolean;
}

// A date that only cites a document (`Nghị quyết 175/NQ-CP ngày 30/10/2023`, `Kế hoạch 02-KH/BCĐTW ngày
// 19/6/2025`, and `Chỉ thị số 21/CT- TTg ngày …` as PDF extraction splits it) is not an event's date.
const DOCUMENT_REFERENCE_BEFORE = /\d+(?:-\p{L}+)?\s*\/\s*(?:[\p{L}\d\-/Đđ]|-\s+)+\s*(?:ngày)?\s*$/u;

/** The question is about a document (names a number, a kind of document or its issuing). */
export const ASKS_ABOUT_A_DOCUMENT = new RegExp(
  `\\d+/|\\b(?:${CITED_DOCUMENT_KINDS}|van ban|ke hoach|document|plan|issued?|ban hanh)\\b`,
);

export function isDocumentReferenceDate(sentence: string, mention: DateMention): boolean {
  return DOCUMENT_REFERENCE_BEFORE.test(sentence.slice(Math.max(0, mention.start - 30), mention.start));
}

// "175/NQ-CP", and "02-KH/BCĐTW" or "57-NQ/TW" with the kind before the slash.
const DOCUMENT_NUMBER = /\d+(?:-\p{L}+)?\/[\p{L}\d]+/gu;

/**
 * "When was Resolution 175/NQ-CP issued?": the date printed right after the number the question names
 * ("Nghị quyết số 175/NQ-CP ngày 30 tháng 10 năm 2023") is the document's own date (1), the date after
 * another number is not (-1).
 */
export function referenceNamed(question: string, sentence: string, date: DateMention): number {
  const named = fold(question).match(DOCUMENT_NUMBER);
  if (!named) return 0;
  // The number nearest before the date is the one it dates: in a list of citations ("Luật … số
  // 91/2025/QH15; Nghị định số 59/2022/NĐ-CP ngày 5/9/2022") another document's date is not the named one's.
  const nearest = fold(sentence.slice(Math.max(0, date.start - 60), date.start))
    .match(DOCUMENT_NUMBER)
    ?.at(-1);
  if (!nearest) return 0;
  return named.some((number) => nearest.startsWith(number) || number.startsWith(nearest)) ? 1 : -1;
}

interface ChunkSentence {
  start: number;
  text: string;
  dates: DateMention[];
  referrer?: string;
  folded: string;
  foldedContext: string;
  contextPieces: string[];
  contextWords: Set<string>;
}

interface ChunkSentences {
  sentences: ChunkSentence[];
  headingDates: DateMention[];
}

/** A footnote's text starts with its superscript marker (`³ Điển hình là: …`). */
export const FOOTNOTE_START = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/;
const LEADS_IN = /:\s*$/;

/** The sentence holding the marker of the footnote printed at `start` (its text begins past the marker). */
function referrerOf(document: CleanDocument | undefined, start: number, marker: string): string | undefined {
  const note = document?.footnotes.find(
    (footnote) => footnote.start >= start && footnote.start <= start + marker.length,
  );
  if (!document || note?.referenceAt === undefined) return undefined;
  const from = Math.max(0, note.referenceAt - 600);
  return splitSentences(document.text.slice(from, note.referenceAt + 200)).find(
    (sentence) =>
      from + sentence.start <= (note.referenceAt ?? 0) && (note.referenceAt ?? 0) < from + sentence.end,
  )?.text;
}

const LIST_ITEM = /^(?:[-+•*–»]|\(?\d+\)|\(?[a-zđ]\)|\d+(?:\.\d+)*\.)\s/u;

/** The sentence ending with ":" whose list this sentence belongs to, past the items before it. */
function leadInOf<T extends { text: string }>(sentences: T[], at: number): T | undefined {
  for (let before = at - 1; before >= 0; before--) {
    const sentence = sentences[before] as T;
    if (LEADS_IN.test(sentence.text)) return sentence;
    if (!LIST_ITEM.test(sentence.text)) return undefined;
  }
  return undefined;
}

// Sentences and their dates depend only on the chunk: split them once per loaded index.
const sentenceCache = new WeakMap<LoadedIndex, Map<string, ChunkSentences>>();

function sentencesOf(index: LoadedIndex, chunk: Chunk): ChunkSentences {
  let byChunk = sentenceCache.get(index);
  if (!byChunk) {
    byChunk = new Map();
    sentenceCache.set(index, byChunk);
  }
  let found = byChunk.get(chunk.id);
  if (!found) {
    const document = index.documentsById.get(chunk.docId);
    const heading = chunk.sectionPath.at(-1) ?? "";
    // Who speaks in the document is context of every sentence in it: "VKSND đề xuất …" is asked of the
    // Procuracy's own slides, whose sentences do not repeat its name.
    const headings = [document?.meta.issuer ?? "", ...chunk.sectionPath].join("\n");
    const carriedIn = paragraphBefore(document?.text ?? "", chunk.start);
    found = {
      sentences: splitSentences(chunk.text).map((sentence, at, all) => {
        const start = chunk.start + sentence.start;
        const marker = FOOTNOTE_START.exec(sentence.text)?.[0];
        const referrer = marker ? referrerOf(document, start, marker) : undefined;
        // The sentence before in the same paragraph often names what this one counts ("Tập đoàn Điện
        // lực … . Đến nay, đã có 94,21% khách hàng …"); a footnote's list is about its referring sentence.
        // A list item's task often names its body and object in its first sentence, several sentences
        // before the one with the due date ("5. Bộ Kế hoạch và Đầu tư chủ trì … Phấn đấu hoàn thành
        // trước 30 tháng 01 năm 2024."); the headings above name the section a question may quote.
        // A sentence ending with ":" leads in the list below it, whatever the line breaks.
        const previous = all[at - 1];
        const paragraphStart = chunk.text.lastIndexOf("\n", sentence.start - 1) + 1;
        const joined =
          previous !== undefined && (previous.start >= paragraphStart || LEADS_IN.test(previous.text));
        const lead = all.find((other) => other.start >= paragraphStart);
        const leadIn = leadInOf(all, at);
        // A chunk may start inside a paragraph: its first sentences read on from the text before it.
        const carried = paragraphStart === 0 ? carriedIn : PARAGRAPH_STARTS_HERE;
        const before = referrer
          ? [referrer]
          : [
              leadIn?.text,
              carried.lead ?? (lead !== sentence ? lead?.text : undefined),
              joined ? previous?.text : at === 0 ? carried.previous : undefined,
            ].filter(
              (text, place, list): text is string => text !== undefined && list.indexOf(text) === place,
            );
        const folded = fold(sentence.text);
        const contextPieces = [fold(headings), ...(before.length > 0 ? before.map(fold) : [""]), folded];
        const foldedContext = contextPieces.join("\n");
        return {
          start,
          text: sentence.text,
          dates: findDates(sentence.text),
          folded,
          foldedContext,
          contextPieces,
          contextWords: new Set(wordsIn(foldedContext)),
          ...(referrer ? { referrer } : {}),
        };
      }),
      headingDates: findDates(heading),
    };
    byChunk.set(chunk.id, found);
  }
  return found;
}

/** Hits always read for candidates; those after them only while their score stays close to the best. */
const ALWAYS_READ = 5;
const CLOSE_TO_BEST = 0.7;

/**
 * The sentences of the hits worth reading, each with the figures, deadlines and dates it holds. Past the
 * first few, a hit scoring under 0.7 of the best one is not read: no graded question was answered right
 * from such a hit, and reading them took about a third of the time of an answer. Hits scoring alike (a
 * question of one phrase, which many passages hold) are all read.
 */
export function sentencesOfHits(index: LoadedIndex, hits: SearchHit[]): SentenceInContext[] {
  const seen = new Set<string>();
  const result: SentenceInContext[] = [];
  const best = hits[0]?.score ?? 0;
  const read = hits.filter((hit, rank) => rank < ALWAYS_READ || hit.score >= CLOSE_TO_BEST * best);
  const readSentences = (hit: SearchHit, hitRank: number, within?: Footnote) => {
    const { chunk } = hit;
    const { sentences, headingDates } = sentencesOf(index, chunk);
    sentences.forEach((sentence, ordinal) => {
      const key = `${chunk.docId}:${sentence.start}`;
      if (
        seen.has(key) ||
        (within && (sentence.start + MARKER_ROOM < within.start || sentence.start >= within.end))
      )
        return;
      seen.add(key);
      result.push({
        spot: {
          docId: chunk.docId,
          sentence: sentence.text,
          sentenceStart: sentence.start,
          sectionPath: chunk.sectionPath,
          ...(chunk.page !== undefined ? { page: chunk.page } : {}),
        },
        hit,
        hitRank,
        ordinal,
        figures: hit.figures.filter((figure) => figure.sentenceStart === sentence.start),
        deadlines: hit.deadlines.filter((deadline) => deadline.sentenceStart === sentence.start),
        dates: sentence.dates,
        headingDates,
        folded: sentence.folded,
        foldedContext: sentence.foldedContext,
        contextPieces: sentence.contextPieces,
        contextWords: sentence.contextWords,
        ...(sentence.referrer ? { referrer: sentence.referrer } : {}),
      });
    });
  };
  read.forEach((hit, hitRank) => {
    readSentences(hit, hitRank);
    // "58 CSDL²⁹": the list of what the 58 are is footnote 29, often in a chunk the search did not return.
    for (const note of footnotesIn(index, hit)) {
      const noteHit = hitAt(index, hit.chunk.docId, note.start, hit);
      if (noteHit) readSentences(noteHit, hitRank, note);
    }
  });
  return result;
}

/** A footnote's text starts after its marker ("²⁹ "), its sentence at the marker. */
const MARKER_ROOM = 6;

/** The footnotes whose markers stand in the hit's chunk. */
function footnotesIn(index: LoadedIndex, hit: SearchHit): Footnote[] {
  const { chunk } = hit;
  return (index.documentsById.get(chunk.docId)?.footnotes ?? []).filter(
    (note) =>
      note.referenceAt !== undefined && note.referenceAt >= chunk.start && note.referenceAt < chunk.end,
  );
}

const PRINTED_NUMBER = /\d+(?:[.,]\d+)*/g;
// List labels (`(5)`, `4.1.`, `a)`) number the text, they count nothing.
const LIST_LABELS = /^\s*(?:(?:\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-–+•»])\s*)+/u;

/** A number the sentence prints besides those the question gives, its list labels and its years. */
// A document's number ("Kế hoạch số 563/KH-UBND") and a date ("27/12/2024") count nothing.
const NUMBER_OR_DATE =
  /\d+\s*\/\s*(?:\d+\s*\/\s*)?\p{L}[\p{L}\d-]*|\b\d{1,2}\s*\/\s*(?:\d{1,2}\s*\/\s*)?(?:19|20)\d{2}\b/gu;

function printsNewNumber(sentence: string, givenNumbers: string[]): boolean {
  const counted = sentence.replace(LIST_LABELS, "").replace(NUMBER_OR_DATE, " ");
  return (counted.match(PRINTED_NUMBER) ?? []).some(
    (number) => !givenNumbers.includes(number) && !/^(?:19|20)\d{2}$/.test(number),
  );
}

/** A goal's figure, or a sentence whose every figure is a goal. */
function isGoal(candidate: Candidate): boolean {
  const figures = figuresOf(candidate);
  return figures.length > 0 && figures.every((figure) => figure.target);
}

/** The sentence prints a date within the time the question asks about (not one it compares with). */
export function namesAskedTime(plan: QueryPlan, sentence: SentenceInContext): boolean {
  const { time } = plan;
  if (!time) return false;
  return sentence.dates.some(
    (mention) =>
      mention.periodStart <= time.periodEnd &&
      mention.periodEnd >= time.periodStart &&
      !isComparisonDate(sentence.spot.sentence, mention),
  );
}

/**
 * "Tháng 1/2025 … bao nhiêu hồ sơ": a figure dated outside the time asked about, in a sentence naming no
 * date within it, is a figure of another time, however well it matches the rest; so is a sentence quoted
 * for a figure when every figure it prints is, or when it prints none and its passage is of another time.
 */
export function ofAnotherTime(plan: QueryPlan, candidate: Candidate): boolean {
  if (!plan.time) return false;
  const dates = datesOf(plan, candidate);
  return (
    dates.length > 0 &&
    dates.every((date) => timeFit(date, plan) < 1) &&
    !namesAskedTime(plan, candidate.sentence)
  );
}

/** The dates a candidate speaks for: its figure's, or for a figure question those of its sentence's figures. */
function datesOf(plan: QueryPlan, candidate: Candidate): string[] {
  if (candidate.figure) return [candidate.figure.asOf];
  if (plan.intent !== "figure") return [];
  const printed = candidate.sentence.figures.map((figure) => figure.asOf);
  // A sentence printing no figure is as old as its passage.
  return printed.length > 0 ? printed : [candidate.sentence.hit.chunk.asOf];
}

/**
 * What kind of answer the question admits, whatever the scores: "how many" needs a number (a figure, or
 * a sentence printing one), "which province" a sentence naming a place, a question naming a province a
 * passage that names it.
 */
export function admits(plan: QueryPlan, candidate: Candidate): boolean {
  const sentence = candidate.sentence.spot.sentence;
  // "… ban hành Kế hoạch triển khai Đề án 06 năm 2024 trong thời hạn nào?": the date the question
  // states is what it knows, not what it asks.
  if (
    plan.time &&
    (plan.intent === "deadline" || plan.intent === "date") &&
    datedAs(candidate) === plan.time.iso
  )
    return false;
  // A figure question ("what OSI score…") is answered by a number, never by a date the passage prints.
  if (plan.intent === "figure" && (candidate.kind === "date" || candidate.kind === "deadline")) return false;
  if (plan.intent === "figure" && plan.asksCount) {
    if (candidate.kind === "sentence" && !printsNewNumber(sentence, plan.givenNumbers)) return false;
  }
  // "Tỷ lệ … là bao nhiêu?" is answered by a percentage or a ratio, "bao nhiêu tiền" by an amount of money
  // (a figure of that kind, or a sentence printing one) — unless the question asks for several figures.
  if (plan.intent === "figure" && plan.expects && !plan.wantsSeveral) {
    const figures = figuresOf(candidate);
    const fits = (kind: string) =>
      plan.expects === "percent"
        ? kind === "percent" || kind === "ratio"
        : plan.expects === "money"
          ? kind === "money"
          : true;
    if (!figures.some((figure) => fits(figure.kind))) return false;
  }
  // "By the end of 2024, what share …": a goal ("đến năm 2025: Kinh tế số chiếm 20% GDP") does not say what
  // a figure is, unless the question asks for the goal.
  if (plan.intent === "figure" && !plan.asksTarget && isGoal(candidate)) return false;
  // "How much has it actually increased?" is not answered by what a report projects or sets as a goal.
  if (plan.asksActual) {
    const figures = figuresOf(candidate);
    if (figures.length > 0 && figures.every((figure) => figure.target || figure.projected)) return false;
  }
  // "Who / which / what is…" is answered by what a sentence says, not by one of its numbers or dates.
  if (plan.intent === "fact" && candidate.kind !== "sentence") return false;
  // "When…?" needs a date: a count ("22 hội nghị", "06 tháng") never answers it, and a sentence does
  // only when it prints a year the date reader left alone.
  if ((plan.intent === "date" || plan.intent === "deadline") && candidate.kind === "figure") return false;
  // "Luật … số 91/2025/QH15 có hiệu lực từ ngày nào?": the date after another document's number is not its date.
  if (
    candidate.kind === "date" &&
    candidate.date &&
    isDocumentReferenceDate(sentence, candidate.date) &&
    referenceNamed(plan.question, sentence, candidate.date) < 0
  )
    return false;
  if ((plan.intent === "date" || plan.intent === "deadline") && candidate.kind === "sentence") {
    if (!/\b(?:19|20)\d{2}\b/.test(sentence)) return false;
  }
  if (plan.expectsName === "place" && !namesPlace(sentence)) return false;
  // A figure about Hà Nội comes from a passage that names Hà Nội.
  if (plan.places.length === 0) return true;
  // A sentence is quoted as the answer: it names the place itself.
  const named = placesIn(
    candidate.kind === "sentence" ? candidate.sentence.folded : candidate.sentence.foldedContext,
  );
  return plan.places.every((place) => named.includes(place));
}

/** The figures a candidate answers with: its own, or every figure of a sentence answer. */
export function figuresOf(candidate: Candidate): Figure[] {
  if (candidate.figure) return [candidate.figure];
  return candidate.kind === "sentence" ? candidate.sentence.figures : [];
}

function datedAs(candidate: Candidate): string | undefined {
  if (candidate.date) return candidate.date.iso;
  return candidate.deadline ? findDates(candidate.deadline.dueText)[0]?.iso : undefined;
}

/** Every candidate answer in the sentences: figures, deadlines and dates they hold, and each sentence itself. */
export function candidatesOf(sentences: SentenceInContext[], givenNumbers: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const base = sentence.spot.sentenceStart;
    for (const figure of sentence.figures) {
      // A number the question itself gives is context, never the answer — save the total of a ratio:
      // "Trong 105 CSDL …, bao nhiêu CSDL đã xây dựng …" is answered by "53/105".
      const printed: string[] = figure.text.match(/\d+(?:[.,]\d+)*/g) ?? [];
      const outOf =
        figure.kind === "ratio" ? figure.text.match(/\/\s*(\d+(?:[.,]\d+)*)\s*$/)?.[1] : undefined;
      if (givenNumbers.some((number) => number !== outOf && printed.includes(number))) continue;
      candidates.push({
        kind: "figure",
        sentence,
        start: figure.start - base,
        end: figure.end - base,
        figure,
      });
    }
    for (const deadline of sentence.deadlines) {
      candidates.push({
        kind: "deadline",
        sentence,
        start: deadline.start - base,
        end: deadline.end - base,
        deadline,
      });
    }
    for (const date of sentence.dates) {
      candidates.push({ kind: "date", sentence, start: date.start, end: date.end, date });
    }
    // A heading's date dates what stands under it, but only a sentence without a date of its own.
    if (sentence.dates.length === 0) {
      for (const date of sentence.headingDates) {
        candidates.push({ kind: "date", sentence, start: 0, end: 0, date, fromHeading: true });
      }
    }
    candidates.push({ kind: "sentence", sentence, start: 0, end: sentence.spot.sentence.length });
  }
  return candidates;
}

/** How many search hits (chunks) the candidates are drawn from, at most (see `sentencesOfHits`). */
export const SEARCH_DEPTH = 15;
