import { findBodies } from "../core/bodies";
import { nameLists, withoutNameLists } from "../core/name-lists";
import { namesPlace, placeBefore } from "../core/places";
import { fold } from "../core/text";
import type { Figure } from "../core/types";
import {
  type ConceptOccurrences,
  conceptOccurrences,
  coverageScore,
  coverageWithin,
  occurrencesInPieces,
  occursIn,
  scoreWithin,
  syllablesOf,
  topicMissingWithin,
  type WordingStarts,
  wordingStarts,
} from "../index/coverage";
import type { Concept, Intent, QueryPlan } from "../index/query";
import { timeFit } from "../index/search";
import {
  ASKS_ABOUT_A_DOCUMENT,
  CANDIDATE_KINDS,
  type Candidate,
  type CandidateKind,
  FOOTNOTE_START,
  isDocumentReferenceDate,
  namesAskedTime,
  referenceNamed,
  type SentenceInContext,
} from "./candidates";
import { clauseAround } from "./score-passage";

/**
 * The signals the learned ranker weighs for each candidate answer. Every value is 0..1 (or -1..1) and
 * means the same for any question, so weights fitted on some questions carry to others. The names are
 * the contract with `answer/weights.json`: a weights file fitted for other names is refused.
 */
const INTENTS: readonly Intent[] = ["figure", "deadline", "date", "fact"];

const TYPE_FEATURES = INTENTS.flatMap((intent) => CANDIDATE_KINDS.map((kind) => `${intent}→${kind}`));

export const FEATURE_NAMES: readonly string[] = [
  ...TYPE_FEATURES,
  "hitScore",
  "hitRank",
  "lexicalRank",
  "chunkCoverage",
  "sentenceCoverage",
  "contextCoverage",
  "headingCoverage",
  "bagCoverage",
  "matchedShare",
  "rareMissing",
  "requiredMissing",
  "topicMissing",
  "describedMissing",
  "describedMissingEnglish",
  "documentNamed",
  "otherDocumentNamed",
  "timeFit",
  "timeInSentence",
  "latestRecency",
  "recency",
  "footnote",
  "length",
  "figureCount",
  "endsWithColon",
  "shortLine",
  "clauseCoverage",
  "windowCoverage",
  "segmentCoverage",
  "leadBefore",
  "actionBefore",
  "actionMissing",
  "countedAfter",
  "countedDescribed",
  "nearness",
  "bodyNear",
  "placeNear",
  "firstOfKind",
  "unitFit",
  "measureFit",
  "countedFit",
  "unitInQuestion",
  "percentWanted",
  "kindMismatch",
  "percentForCount",
  "moneyWanted",
  "perFit",
  "ratio",
  "targetUnasked",
  "targetAsked",
  "negationAgrees",
  "negationDiffers",
  "change",
  "changeAsked",
  "dayPrecision",
  "monthPrecision",
  "yearPrecision",
  "fromCue",
  "sinceAsked",
  "precisionAsked",
  "referenceDate",
  "rangeDate",
  "taskCoverage",
  "bodyFit",
  "spotInTime",
  "fromHeading",
  "givenNumbers",
  "nameAsked",
  "referenceNamed",
  "referenceUnasked",
  "partListed",
];

const FEATURE_AT = new Map(FEATURE_NAMES.map((name, at) => [name, at]));

/** What the features need from the question, computed once per question. */
export interface QuestionView {
  plan: QueryPlan;
  bestHitScore: number;
  maxConceptWeight: number;
  /** 1 for the newest document, 0 for the oldest. */
  recency: Map<string, number>;
  /** Syllables of the question and of every wording of its concepts, folded. */
  questionSyllables: Set<string>;
  /** The question asks about what is not (yet) done: "chưa được số hóa", "not yet connected". */
  negated: boolean;
  /** The question is about a document (its number, its kind, its issuing). */
  asksAboutDocument: boolean;
  sentenceCache: Map<string, SentenceData>;
  /** Occurrences of the concepts in each deadline's task, by deadline id. */
  taskCache: Map<string, ConceptOccurrences>;
  /** Where the concepts' wordings start in each piece of a sentence's context: pieces recur. */
  pieceCache: Map<string, WordingStarts>;
  phraseCache: Map<string, number>;
}

/** What every candidate of one sentence shares: its feature values and where the concepts stand in it. */
interface SentenceData {
  values: number[];
  /** Where the concepts stand in the sentence read in its context. */
  occurrences: ConceptOccurrences;
  /** Where the sentence starts in that context. */
  shift: number;
  givenNumbers: number;
  nameAsked: number;
  partListed: number;
}

export function questionView(
  plan: QueryPlan,
  bestHitScore: number,
  documents: Array<{ id: string; asOf: string }>,
): QuestionView {
  const ordered = [...documents].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const recency = new Map(
    ordered.map((document, at) => [document.id, ordered.length > 1 ? at / (ordered.length - 1) : 1]),
  );
  const folded = fold(plan.question);
  return {
    plan,
    bestHitScore: bestHitScore > 0 ? bestHitScore : 1,
    maxConceptWeight: Math.max(0, ...plan.concepts.map((concept) => concept.weight)),
    recency,
    questionSyllables: syllableSet(
      [folded, ...plan.concepts.flatMap((concept) => concept.wordings)].join(" "),
    ),
    negated: isNegated(folded),
    asksAboutDocument: ASKS_ABOUT_A_DOCUMENT.test(folded),
    sentenceCache: new Map(),
    taskCache: new Map(),
    pieceCache: new Map(),
    phraseCache: new Map(),
  };
}

// "chưa" ending a question ("đã kết nối chưa?") asks yes or no; before a verb it negates. "No." numbers a document.
const NEGATION =
  /\b(?:chua|khong)\b(?!\s*(?:[?.!]|$))|\b(?:not|without|yet|never|lack|lacking|missing|unfinished)\b|n't\b|\bno\b(?!\s*[.\d])/;

function isNegated(folded: string): boolean {
  return NEGATION.test(folded);
}

function syllableSet(folded: string): Set<string> {
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Syllables in a wording long enough that finding them all in one sentence is no accident. */
const APART_WORDING_SYLLABLES = 4;

/**
 * "tài khoản VNeID" printed apart: "thu nhận … hồ sơ định danh điện tử …, kích hoạt trên 60 triệu tài
 * khoản". A name's concept one of whose long wordings ("tài khoản định danh điện tử") has every syllable in
 * the sentence is there, only not in one piece: it no longer counts as a missing name.
 */
function namesWordedApart(concepts: Concept[], present: boolean[], foldedSentence: string): Concept[] {
  if (!concepts.some((concept, at) => concept.required && !present[at])) return concepts;
  const syllables = syllableSet(foldedSentence);
  return concepts.map((concept, at) =>
    concept.required &&
    !present[at] &&
    concept.wordings.some((wording) => {
      const parts = wording.split(" ");
      return parts.length >= APART_WORDING_SYLLABLES && parts.every((part) => syllables.has(part));
    })
      ? { ...concept, required: false }
      : concept,
  );
}

/** An English question's concept the glossary worded in the reports' Vietnamese. */
const translated = (concept: Concept) => !concept.wordings.includes(fold(concept.literal));

/** Order-free coverage: for each concept the best share of a wording's syllables the text holds. */
function bagCoverage(concepts: Concept[], syllables: Set<string>): number {
  let total = 0;
  let found = 0;
  for (const concept of concepts) {
    total += concept.weight;
    let best = 0;
    for (const wording of concept.wordings) {
      const parts = syllablesOf(wording);
      let present = 0;
      for (const part of parts) if (syllables.has(part)) present++;
      const share = present / parts.length;
      if (share > best) best = share;
    }
    found += concept.weight * best;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Coverage of a short phrase (a heading, a unit, a measure): many candidates share one, so within a
 * question each is scored once.
 */
function phraseCoverage(view: QuestionView, phrase: string): number {
  let score = view.phraseCache.get(phrase);
  if (score === undefined) {
    score = coverageScore(phrase, view.plan.concepts);
    view.phraseCache.set(phrase, score);
  }
  return score;
}

function startsInPiece(view: QuestionView, piece: string): WordingStarts {
  let starts = view.pieceCache.get(piece);
  if (!starts) {
    starts = wordingStarts(piece, view.plan.concepts);
    view.pieceCache.set(piece, starts);
  }
  return starts;
}

/**
 * 1 when a question asking a figure names a few members of a list of names in the sentence (at most
 * half) that the sentence names nowhere else: its figures count the whole list, and a question about one
 * member ("riêng Agribank", "bao nhiêu người là lực lượng vũ trang") asks a part the sentence does not give.
 */
function partListed(view: QuestionView, sentence: SentenceInContext): number {
  if (view.plan.intent !== "figure") return 0;
  const lists = nameLists(sentence.spot.sentence);
  if (lists.length === 0) return 0;
  const outside = withoutNameLists(sentence.folded, lists);
  const named = (member: string) => {
    const syllables = fold(member)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return (
      syllables.every((syllable) => view.questionSyllables.has(syllable)) &&
      !occursIn(outside, syllables.join(" "))
    );
  };
  return lists.some(({ members }) => {
    const count = members.filter(named).length;
    return count > 0 && count <= members.length / 2;
  })
    ? 1
    : 0;
}

/** Features of the sentence every candidate in it shares. */
function sentenceData(view: QuestionView, sentence: SentenceInContext): SentenceData {
  const key = `${sentence.spot.docId}:${sentence.spot.sentenceStart}`;
  const cached = view.sentenceCache.get(key);
  if (cached) return cached;
  const { plan } = view;
  const { spot, hit } = sentence;
  const heading = spot.sectionPath.join(" ");
  const { foldedContext } = sentence;
  // The context ends with the sentence: one search for the concepts serves both.
  const occurrences = occurrencesInPieces(sentence.contextPieces, plan.concepts, (piece) =>
    startsInPiece(view, piece),
  );
  const shift = foldedContext.length - sentence.folded.length;
  const inSentence = coverageWithin(occurrences, plan.concepts, shift, foldedContext.length);
  const inContext = coverageWithin(occurrences, plan.concepts, 0, foldedContext.length);
  let rareMissing = 0;
  let requiredMissing = 0;
  let describedMissing = 0;
  let describedMissingEnglish = 0;
  const concepts = namesWordedApart(plan.concepts, inContext.present, sentence.folded);
  concepts.forEach((concept, at) => {
    if (inContext.present[at]) return;
    rareMissing = Math.max(rareMissing, concept.weight / (view.maxConceptWeight || 1));
    // Each name the question gives and the passage lacks makes it less likely the passage is about it.
    if (concept.required) requiredMissing = Math.min(3, requiredMissing + 1);
    // What the question counts, or what it says of it ("đối tượng truy nã là người nước ngoài"), found
    // nowhere in the passage: it counts something else, or the whole of which the question asks a part.
    if (!concept.describesCounted && plan.concepts[at] !== plan.counted) return;
    const share = concept.weight / (view.maxConceptWeight || 1);
    if (plan.lang === "vi") describedMissing = Math.max(describedMissing, share);
    // Learnt apart: the glossary's translation of an English word is the report's word only some of the time.
    else if (translated(concept)) describedMissingEnglish = Math.max(describedMissingEnglish, share);
  });
  const recency = view.recency.get(spot.docId) ?? 0;
  const named = plan.docIds.length > 0;
  const values = [
    hit.score / view.bestHitScore,
    1 / (1 + sentence.hitRank),
    hit.lexicalRank !== undefined ? 1 / (1 + hit.lexicalRank) : 0,
    hit.coverage,
    inSentence.score,
    inContext.score,
    phraseCoverage(view, heading),
    bagCoverage(plan.concepts, sentence.contextWords),
    plan.concepts.length > 0 ? inContext.matched / plan.concepts.length : 0,
    rareMissing,
    requiredMissing,
    topicMissingWithin(occurrences, concepts, 0, foldedContext.length) ? 1 : 0,
    describedMissing,
    describedMissingEnglish,
    named && plan.docIds.includes(spot.docId) ? 1 : 0,
    named && !plan.docIds.includes(spot.docId) ? 1 : 0,
    timeFit(sentence.hit.chunk.asOf, plan),
    namesAskedTime(plan, sentence) ? 1 : 0,
    plan.latest ? recency : 0,
    recency,
    FOOTNOTE_START.test(spot.sentence) ? 1 : 0,
    Math.log1p(spot.sentence.length / 100),
    Math.log1p(sentence.figures.length) / 2,
    /:\s*$/.test(spot.sentence) ? 1 : 0,
    spot.sentence.length < 60 ? 1 : 0,
  ];
  const data = {
    values,
    occurrences,
    shift,
    givenNumbers: givenNumbersIn(plan, numberedText(sentence)),
    nameAsked: nameAsked(plan, spot.sentence),
    partListed: partListed(view, sentence),
  };
  view.sentenceCache.set(key, data);
  return data;
}

const SENTENCE_FEATURES_FROM = FEATURE_AT.get("hitScore") ?? 0;

function set(values: Float64Array, name: string, value: number): void {
  const at = FEATURE_AT.get(name);
  if (at === undefined) throw new Error(`Unknown feature ${name}`);
  values[at] = value;
}

function intentOf(plan: QueryPlan): Intent {
  return plan.intent === "deadline-list" ? "deadline" : plan.intent;
}

function firstOfKind(candidate: Candidate): number {
  const { sentence } = candidate;
  const starts =
    candidate.kind === "figure"
      ? sentence.figures.map((figure) => figure.start - sentence.spot.sentenceStart)
      : candidate.kind === "deadline"
        ? sentence.deadlines.map((deadline) => deadline.start - sentence.spot.sentenceStart)
        : sentence.dates.map((date) => date.start);
  return starts.every((start) => start >= candidate.start) ? 1 : 0;
}

const STOP_IN_UNIT = new Set(["cac", "nhung", "cua", "va", "tren", "duoc", "da", "so"]);

/** Share of the unit's syllables the question uses (`9.000 ý tưởng` for "bao nhiêu ý tưởng" → 1). */
function unitInQuestion(unit: string, view: QuestionView): number {
  const syllables = fold(unit)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((syllable) => syllable && !STOP_IN_UNIT.has(syllable));
  if (syllables.length === 0) return 0;
  return syllables.filter((syllable) => view.questionSyllables.has(syllable)).length / syllables.length;
}

/** Whether the thing the question counts is what the figure counts. */
function countedFit(unit: string, plan: QueryPlan): number {
  const counted = plan.counted;
  if (!counted || !unit) return 0;
  // "Tổ Công tác/Ban Chỉ đạo", "cán bộ, công chức": a unit's punctuation does not part its words.
  const foldedUnit = fold(unit)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (counted.wordings.some((wording) => ` ${foldedUnit} `.includes(` ${wording} `))) return 1;
  const syllables = new Set(foldedUnit.split(/\s+/));
  const shares = counted.wordings.map((wording) => {
    const parts = wording.split(" ");
    return parts.filter((part) => syllables.has(part)).length / parts.length;
  });
  return Math.max(0, ...shares) - 0.5;
}

function figureFeatures(values: Float64Array, candidate: Candidate, view: QuestionView): void {
  const { figure } = candidate;
  if (!figure) return;
  const { plan } = view;
  const isShare = figure.kind === "percent" || figure.kind === "ratio";
  const described = figure.unit ?? "";
  set(values, "unitFit", described ? phraseCoverage(view, described) : 0);
  set(values, "measureFit", figure.measure ? phraseCoverage(view, figure.measure) : 0);
  set(values, "countedFit", countedFit(described, plan));
  set(values, "unitInQuestion", unitInQuestion(described, view));
  set(values, "percentWanted", plan.expects === "percent" && isShare ? 1 : 0);
  set(
    values,
    "kindMismatch",
    (plan.expects === "percent" && !isShare) || (plan.expects === "money" && figure.kind !== "money") ? 1 : 0,
  );
  set(values, "percentForCount", plan.expects === undefined && figure.kind === "percent" ? 1 : 0);
  set(values, "moneyWanted", plan.expects === "money" && figure.kind === "money" ? 1 : 0);
  // "bao nhiêu mỗi năm": a rate printed per year ("500–1.000 tỷ đồng/năm") answers, a share beside it does not.
  set(values, "perFit", plan.asksPer !== undefined && figure.per === plan.asksPer ? 1 : 0);
  set(values, "ratio", figure.kind === "ratio" ? 1 : 0);
  set(values, "targetUnasked", (figure.target || figure.projected) && !plan.asksTarget ? 1 : 0);
  set(values, "targetAsked", figure.target && plan.asksTarget ? 1 : 0);
  // Siblings in one sentence often differ only by "đã" and "chưa" ("2.311 … đã số hóa, … 1.801 … chưa
  // được số hóa"): the figure whose measure is negated answers a negated question.
  const measureNegated = isNegated(fold(figure.measure));
  set(values, "negationAgrees", view.negated && measureNegated ? 1 : 0);
  set(values, "negationDiffers", view.negated !== measureNegated ? 1 : 0);
  set(values, "change", figure.change || figure.earlier ? 1 : 0);
  set(values, "changeAsked", figure.change && plan.asksChange ? 1 : 0);
}

function inTime(plan: QueryPlan, periodStart: string, periodEnd: string): number {
  const { time } = plan;
  if (!time) return 0;
  return periodStart <= time.periodEnd && periodEnd >= time.periodStart ? 1 : 0;
}

function dateFeatures(values: Float64Array, candidate: Candidate, view: QuestionView): void {
  const { plan } = view;
  const precision = candidate.date?.precision ?? candidate.deadline?.precision;
  if (!precision) return;
  if (candidate.date) {
    const reference = isDocumentReferenceDate(candidate.sentence.spot.sentence, candidate.date);
    set(values, "referenceDate", reference ? 1 : 0);
    if (reference) {
      set(
        values,
        "referenceNamed",
        referenceNamed(plan.question, candidate.sentence.spot.sentence, candidate.date),
      );
      // The date after a document's number ("số 452/TTg-KSTT ngày 23/5/2023") dates that document, not
      // the event a question about no document asks for.
      set(values, "referenceUnasked", view.asksAboutDocument ? 0 : 1);
    }
    set(values, "rangeDate", candidate.date.iso.includes("/") ? 1 : 0);
  }
  set(values, "dayPrecision", precision === "day" ? 1 : 0);
  set(values, "monthPrecision", precision === "month" ? 1 : 0);
  set(values, "yearPrecision", precision === "year" ? 1 : 0);
  if (plan.asksPrecision) set(values, "precisionAsked", precision === plan.asksPrecision ? 1 : -1);
  if (candidate.date) {
    const { cue, periodStart, periodEnd } = candidate.date;
    const fromCue = cue === "tu" || cue === "tu ngay";
    set(values, "fromCue", fromCue ? 1 : 0);
    // "Từ ngày nào" is answered by the date a sentence reads with "từ", not by the plan issued before it.
    if (plan.asksSince) set(values, "sinceAsked", fromCue ? 1 : -1);
    set(values, "spotInTime", inTime(plan, periodStart, periodEnd));
  }
  const { deadline } = candidate;
  if (deadline) {
    set(values, "spotInTime", inTime(plan, deadline.dueDate, deadline.dueDate));
    set(values, "taskCoverage", coverageScore(`${deadline.body ?? ""} ${deadline.task}`, plan.concepts));
    if (plan.body) {
      const owns = deadline.body !== undefined && fold(deadline.body).includes(fold(plan.body));
      const mentions = fold(deadline.sentence).includes(fold(plan.body));
      set(values, "bodyFit", owns ? 1 : mentions ? 0.5 : -1);
    }
  }
}

const WINDOW_BEFORE = 120;
const WINDOW_AFTER = 60;
const COUNTED_AFTER = 40;
const ACTION_BEFORE = 40;
const COUNTED_DESCRIBED = 80;
const PHRASE_BREAK = /[,;:()\n]/g;

/**
 * Where a candidate's answer stands: the text it is read in (its sentence; a deadline's task), the
 * answer's offsets there, where the question's concepts occur in that text, and the part of it that is
 * the answer's own.
 */
interface SpotText {
  text: string;
  /** The text folded (same offsets). */
  folded: string;
  start: number;
  end: number;
  whole: boolean;
  occurrences: ConceptOccurrences;
  /** Where `text` starts in the text the occurrences were found in. */
  shift: number;
  segment: [number, number];
}

/** Where the other figures and dates of the sentence stand: they bound the text that belongs to this spot. */
function otherSpots(candidate: Candidate): Array<[number, number]> {
  const { sentence } = candidate;
  const base = sentence.spot.sentenceStart;
  return [
    ...sentence.figures.map((figure): [number, number] => [figure.start - base, figure.end - base]),
    ...sentence.dates.map((date): [number, number] => [date.start, date.end]),
  ].filter(([start]) => start !== candidate.start);
}

/**
 * The text this spot owns: from the previous figure or date to the next one. In "Điện Biên (33,25%), Hà
 * Nam (27,72%)" the segment of 27,72% holds "Hà Nam" and not "Điện Biên".
 */
function segmentOf(length: number, candidate: Candidate): [number, number] {
  let from = 0;
  let to = length;
  for (const [start, end] of otherSpots(candidate)) {
    if (end <= candidate.start && end > from) from = end;
    if (start >= candidate.end && start < to) to = start;
  }
  return [from, to];
}

/**
 * A deadline's own text is its task, which may begin in the sentence before ("Tham mưu … ban hành Nghị
 * định …. Hoàn thành trong Quý I/2025."); every other spot stands in its sentence.
 */
function spotTextOf(view: QuestionView, candidate: Candidate, sentence: SentenceData): SpotText {
  const text = candidate.sentence.spot.sentence;
  const { deadline } = candidate;
  if (deadline) {
    const due = deadline.dueText;
    const task = deadline.task.includes(due) ? deadline.task : `${deadline.task} ${due}`;
    const folded = fold(task);
    let occurrences = view.taskCache.get(deadline.id);
    if (!occurrences) {
      occurrences = conceptOccurrences(folded, view.plan.concepts);
      view.taskCache.set(deadline.id, occurrences);
    }
    const start = Math.max(0, task.lastIndexOf(due));
    return {
      text: task,
      folded,
      start,
      end: start + due.length,
      whole: false,
      occurrences,
      shift: 0,
      segment: [0, task.length],
    };
  }
  const whole = candidate.kind === "sentence" || candidate.fromHeading === true;
  const place = whole ? candidate : (shareHost(candidate) ?? candidate);
  return {
    text,
    folded: candidate.sentence.folded,
    start: place.start,
    end: place.end,
    whole,
    occurrences: sentence.occurrences,
    shift: sentence.shift,
    segment: whole ? [0, text.length] : segmentOf(text.length, place),
  };
}

const OPENS_PARENTHESIS = /\((?:\s*(?:chiếm|đạt|bằng))?(?:\s*tỷ lệ)?\s*$/iu;
// The words between a count and its share name what is counted ("người làm chuyên trách"): a few words.
const HOST_REACH = 80;

/**
 * "1.697 người làm chuyên trách (55,6%)", "2.227.416 người (chiếm tỷ lệ 58,41%)": a share in parentheses
 * right after a count is that count's share, and stands where the count does: the words the question asks
 * of it are the count's.
 */
function shareHost(candidate: Candidate): Candidate | undefined {
  if (candidate.figure?.kind !== "percent") return undefined;
  const { sentence } = candidate;
  if (
    !OPENS_PARENTHESIS.test(sentence.spot.sentence.slice(Math.max(0, candidate.start - 20), candidate.start))
  )
    return undefined;
  const base = sentence.spot.sentenceStart;
  let host: Figure | undefined;
  for (const figure of sentence.figures) {
    const end = figure.end - base;
    if (end <= candidate.start && (!host || end > host.end - base)) host = figure;
  }
  if (!host || host.kind === "percent" || candidate.start - (host.end - base) > HOST_REACH) return undefined;
  return { ...candidate, start: host.start - base, end: host.end - base, figure: host };
}

/** Coverage of [from, to) of the spot's text (offsets into that text, clipped to it). */
function within(plan: QueryPlan, spot: SpotText, from: number, to: number, only?: number[]): number {
  const start = spot.shift + Math.max(0, from);
  const end = spot.shift + Math.min(spot.text.length, to);
  return scoreWithin(spot.occurrences, plan.concepts, start, end, only);
}

function windowCoverage(plan: QueryPlan, spot: SpotText): number {
  if (spot.whole) return within(plan, spot, 0, spot.text.length);
  return within(plan, spot, spot.start - WINDOW_BEFORE, spot.end + WINDOW_AFTER);
}

/**
 * Share of the concepts asked before the question word that stand just before the spot, or in the
 * sentence before when the spot's own opens on its verb ("… các bộ, ngành, địa phương … . Đã hoàn thành 436").
 */
function leadBefore(plan: QueryPlan, spot: SpotText, candidate: Candidate): number {
  const lead = plan.concepts.flatMap((concept, at) => (concept.beforeAsk ? [at] : []));
  if (lead.length === 0 || spot.whole) return 0;
  return Math.max(
    within(plan, spot, spot.start - WINDOW_BEFORE, spot.start, lead),
    inheritedSubject(plan, spot, candidate, lead),
  );
}

const asksAction = (plan: QueryPlan) => plan.concepts.some((concept) => concept.asksAction);

/** The action the question counts (`hoàn thành` before "bao nhiêu") stands right before the spot, in its clause. */
function actionBefore(plan: QueryPlan, spot: SpotText): number {
  const action = plan.concepts.findIndex((concept) => concept.asksAction);
  if (action === -1 || spot.whole) return 0;
  const clauseStart = clauseAround(spot.text, spot.start).start;
  return within(plan, spot, Math.max(clauseStart, spot.start - ACTION_BEFORE), spot.start, [action]);
}

/**
 * What the question says of the counted noun stands in the spot's own phrase, before it ("kích hoạt trên
 * 60 triệu tài khoản") or after it ("1.801 trường thông tin chưa được số hóa"): up to the nearest comma,
 * bracket or clause break, so that "(tăng khoảng 200 nghìn tài khoản …, tỷ lệ kích hoạt …)" does not borrow it.
 */
function countedDescribed(plan: QueryPlan, spot: SpotText): number {
  const described = plan.concepts.flatMap((concept, at) => (concept.describesCounted ? [at] : []));
  if (described.length === 0 || spot.whole) return 0;
  const before = spot.text.slice(0, spot.start);
  const phraseStart = Math.max(
    spot.start - COUNTED_DESCRIBED,
    ...[...before.matchAll(PHRASE_BREAK)].map((match) => match.index + 1),
  );
  const breakAfter = spot.text.slice(spot.end).search(PHRASE_BREAK);
  const phraseEnd = Math.min(
    spot.end + COUNTED_DESCRIBED,
    breakAfter === -1 ? spot.text.length : spot.end + breakAfter,
  );
  return Math.max(
    within(plan, spot, phraseStart, spot.start, described),
    within(plan, spot, spot.end, phraseEnd, described),
  );
}

/** The thing the question counts stands right after the spot (`… 547 mẫu ADN`). */
function countedAfter(plan: QueryPlan, spot: SpotText): number {
  const counted = plan.counted ? plan.concepts.indexOf(plan.counted) : -1;
  if (counted === -1 || spot.whole) return 0;
  // "… mới đạt 31,7%; tỷ lệ hồ sơ …": what follows the clause's end is the next figure's, not this one's.
  const clauseEnd = clauseAround(spot.text, spot.start).end;
  return within(plan, spot, spot.end, Math.min(spot.end + COUNTED_AFTER, clauseEnd), [counted]);
}

/**
 * How much of the question the spot's clause holds, and how close the nearest concept stands to it (1
 * next to it, falling towards 0 with distance). A deadline's clause is its whole task.
 */
function clauseOf(
  plan: QueryPlan,
  spot: SpotText,
  wholeClause: boolean,
): { clause: number; nearness: number } {
  const { start, end } = wholeClause
    ? { start: 0, end: spot.text.length }
    : clauseAround(spot.text, spot.start);
  const covered = coverageWithin(spot.occurrences, plan.concepts, spot.shift + start, spot.shift + end);
  if (spot.whole) return { clause: covered.score, nearness: 0 };
  let nearest = Number.POSITIVE_INFINITY;
  for (const shifted of covered.positions) {
    const at = shifted - spot.shift;
    const distance = at >= spot.end ? at - spot.end : at < spot.start ? spot.start - at : 0;
    nearest = Math.min(nearest, distance);
  }
  return { clause: covered.score, nearness: Number.isFinite(nearest) ? Math.exp(-nearest / 60) : 0 };
}

// "… thực hiện 1.159 nhiệm vụ. Đã hoàn thành 436 nhiệm vụ, …": a sentence opening on its verb, perhaps
// after its time ("… triển khai Định danh tổ chức. Từ ngày 30/12/2024 đã chính thức triển khai, …"), goes on
// about the subject of the sentence before it.
const SUBJECTLESS_OPENING =
  /^(?:(?:từ|kể từ|đến|tính đến|sau|trong)\s+(?:ngày\s+|tháng\s+|năm\s+|quý\s+)?[\dIVX][\d/.IVX]*,?\s+)?(?:đã|đang|được|chưa|còn|trong đó)\s/iu;

/**
 * For a figure in the first clause of a subject-less sentence: its clause read with the sentence before,
 * by all the question's concepts or by those `only` names (the ones asked before the question word).
 */
function inheritedSubject(plan: QueryPlan, spot: SpotText, candidate: Candidate, only?: number[]): number {
  if (spot.whole || candidate.deadline || !SUBJECTLESS_OPENING.test(spot.text)) return 0;
  const { start, end } = clauseAround(spot.text, spot.start);
  if (start > 0 || spot.shift === 0) return 0;
  const context = candidate.sentence.foldedContext;
  const previousStart = context.lastIndexOf("\n", spot.shift - 2) + 1;
  return scoreWithin(spot.occurrences, plan.concepts, previousStart, spot.shift + end, only);
}

/** The place named last before the spot is one the question names (1), another place (-1), or none (0). */
function placeNear(places: string[], spot: SpotText): number {
  const place = placeBefore(spot.folded, spot.start);
  if (!place) return 0;
  return places.includes(place) ? 1 : -1;
}

/** The body the question names stands near the spot (1), elsewhere in the text (0.5), or not at all (-1). */
function bodyNear(body: string, spot: SpotText): number {
  const wanted = fold(body);
  const window = spot.whole
    ? spot.folded
    : spot.folded.slice(Math.max(0, spot.start - WINDOW_BEFORE), spot.end + WINDOW_AFTER);
  if (window.includes(wanted)) return 1;
  return spot.folded.includes(wanted) ? 0.5 : -1;
}

/**
 * Share of the numbers the question gives (`04`, `25 dịch vụ công`) that the sentence prints, zero-padded
 * as reports count (`05 Bộ` for "five ministries"): context it shares.
 */
function givenNumbersIn(plan: QueryPlan, sentence: string): number {
  if (plan.givenNumbers.length === 0) return 0;
  const found = plan.givenNumbers.filter((number) =>
    new RegExp(`(?<![\\d.,])0*${number.replace(/[.,]/g, "\\$&")}(?![\\d]|[.,]\\d)`).test(sentence),
  );
  return found.length / plan.givenNumbers.length;
}

/**
 * Where the numbers a question gives are looked for: the sentence, and for a footnote the clause of the
 * sentence whose marker points to it ("58 CSDL²⁹ đang triển khai" for footnote 29): a footnote lists the
 * parts of the number its marker is glued to.
 */
function numberedText(sentence: SentenceInContext): string {
  const { referrer } = sentence;
  const marker = FOOTNOTE_START.exec(sentence.spot.sentence)?.[0].trim();
  if (!referrer || !marker) return sentence.spot.sentence;
  const at = referrer.search(new RegExp(`${marker}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, "u"));
  if (at < 0) return sentence.spot.sentence;
  const { start, end } = clauseAround(referrer, at);
  return `${sentence.spot.sentence}\n${referrer.slice(start, end)}`;
}

/** "Tỉnh nào", "which agency": the sentence names a place or a body (1) or none (-1). */
function nameAsked(plan: QueryPlan, sentence: string): number {
  if (!plan.expectsName) return 0;
  const named = plan.expectsName === "place" ? namesPlace(sentence) : findBodies(sentence).length > 0;
  return named ? 1 : -1;
}

const CONTEXT_COVERAGE_AT = FEATURE_NAMES.indexOf("contextCoverage") - FEATURE_NAMES.indexOf("hitScore");

/** Candidates whose sentence (with its heading) holds nothing of the question are not worth scoring. */
export function onTopic(view: QuestionView, candidates: Candidate[]): Candidate[] {
  return candidates.filter(
    (candidate) => (sentenceData(view, candidate.sentence).values[CONTEXT_COVERAGE_AT] ?? 0) > 0,
  );
}

/** The feature vector of one candidate, in FEATURE_NAMES order. */
export function featuresOf(view: QuestionView, candidate: Candidate): Float64Array {
  const { plan } = view;
  const values = new Float64Array(FEATURE_NAMES.length);
  set(values, `${intentOf(plan)}→${candidate.kind}`, 1);
  const sentence = sentenceData(view, candidate.sentence);
  values.set(sentence.values, SENTENCE_FEATURES_FROM);
  const own = spotTextOf(view, candidate, sentence);
  const { clause, nearness } = clauseOf(plan, own, own.whole || candidate.deadline !== undefined);
  set(values, "clauseCoverage", Math.max(clause, inheritedSubject(plan, own, candidate)));
  set(values, "nearness", nearness);
  set(values, "firstOfKind", own.whole || candidate.deadline ? 0 : firstOfKind(candidate));
  set(values, "fromHeading", candidate.fromHeading ? 1 : 0);
  set(values, "givenNumbers", sentence.givenNumbers);
  set(values, "nameAsked", sentence.nameAsked);
  // A share printed for a list is every member's share ("xác thực 100% thông tin (tiêm chủng, xét nghiệm, …)").
  set(values, "partListed", candidate.figure?.kind === "percent" ? 0 : sentence.partListed);
  // A figure may describe an earlier time than its report ("Tính đến hết năm 2024, …").
  if (candidate.figure) set(values, "timeFit", timeFit(candidate.figure.asOf, plan));
  set(values, "windowCoverage", windowCoverage(plan, own));
  set(values, "segmentCoverage", within(plan, own, own.segment[0], own.segment[1]));
  set(values, "leadBefore", leadBefore(plan, own, candidate));
  const action = actionBefore(plan, own);
  set(values, "actionBefore", action);
  // "đã hoàn thành bao nhiêu nhiệm vụ": a figure counted under another action ("thực hiện 1.159 nhiệm vụ").
  set(values, "actionMissing", action === 0 && asksAction(plan) && !own.whole ? 1 : 0);
  set(values, "countedAfter", countedAfter(plan, own));
  set(values, "countedDescribed", countedDescribed(plan, own));
  if (plan.body) set(values, "bodyNear", bodyNear(plan.body, own));
  if (plan.places.length > 0 && !own.whole) set(values, "placeNear", placeNear(plan.places, own));
  figureFeatures(values, candidate, view);
  dateFeatures(values, candidate, view);
  return values;
}

export function featureIndex(name: string): number {
  const at = FEATURE_AT.get(name);
  if (at === undefined) throw new Error(`Unknown feature ${name}`);
  return at;
}

export type { CandidateKind };
