import { findBodies } from "../../core/bodies";
import { type DateMention, findDates, formatIsoForReader } from "../../core/dates";
import { nameLists, withoutNameLists } from "../../core/name-lists";
import { placeNames } from "../../core/places";
import { splitSentences } from "../../core/sentences";
import { fold, hasDiacritics } from "../../core/text";
import type { CleanDocument, Deadline, Figure } from "../../core/types";
import { foldPhrase } from "../../index/glossary";
import { wordsOf } from "../../index/query";
import type { LoadedIndex } from "../../index/read";
import { seriesPoints } from "../../index/series";
import { isDocumentReferenceDate } from "../candidates";
import { clauseAround } from "../score-passage";
import { canonicalForms, dueForms, type Gold } from "./label";
import { QUESTION_STYLES, type QuestionDraft, type QuestionStyle, writeQuestion } from "./question-styles";
import { itemRandom, type Random } from "./random";

/**
 * Training questions drawn from the index itself: for each extracted figure, deadline, dated event and
 * body named as a subject, the question users would ask about it, in several styles, labelled with the
 * item it came from. Near-miss negatives — a place, a thing, a year or a part of a counted whole no report
 * covers — teach refusal.
 */
export interface GeneratedQuestion {
  question: string;
  style: QuestionStyle | "absent";
  /** The document the answer comes from (the fold it is held out with). */
  docId: string;
  gold: Gold;
}

const MAX_LEAD_WORDS = 10;
const MAX_TAIL_WORDS = 5;
const MAX_TASK_WORDS = 12;
const STYLES_PER_ITEM = 2;

// List labels, bullets, emphasis and footnote markers are layout, not words anyone types.
const LAYOUT =
  /^\s*(?:[-–+•»]|\(?\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|\([ivx]{1,4}\)|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾)\s*/u;

function plainWords(text: string, index: LoadedIndex, keepNumbers: boolean): string[] {
  let cleaned = text
    .replace(/\*+/g, "")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾]+/g, " ")
    .replace(/[“”"«»()[\]]/g, " ");
  while (LAYOUT.test(cleaned)) cleaned = cleaned.replace(LAYOUT, " ");
  cleaned = cleaned.replace(/[;:]/g, " ").replace(/\s+/g, " ").trim();
  const words = wordsOf(cleaned, index.lexical)
    .map((word) => word.replace(/^[,.]+|[,.]+$/g, ""))
    .filter(Boolean);
  return keepNumbers ? words : words.filter((word) => !/\d/.test(word));
}

function isNewest(document: CleanDocument, index: LoadedIndex): boolean {
  return index.documents.every((other) => other.meta.asOf <= document.meta.asOf);
}

function referencesOf(document: CleanDocument): QuestionDraft["references"] {
  const vi: string[] = [];
  const en: string[] = [];
  for (const alias of document.meta.aliases) {
    if (hasDiacritics(alias) || !/\b(report|deck|slides|conclusion|conference|review|plan)\b/i.test(alias))
      vi.push(alias);
    else en.push(alias);
  }
  return { vi, en };
}

function readableTime(asOf: string): string | undefined {
  return /^\d{4}-\d{2}/.test(asOf) ? `tháng ${formatIsoForReader(asOf.slice(0, 7))}` : undefined;
}

function quoteAround(sentence: string, start: number, end: number): string {
  return sentence.slice(Math.max(0, start - 30), Math.min(sentence.length, end + 30));
}

const ASK_FOR_KIND: Record<Figure["kind"], { vi: string[]; en: string }> = {
  count: { vi: ["bao nhiêu", "có bao nhiêu"], en: "How many" },
  ratio: { vi: ["bao nhiêu", "có bao nhiêu"], en: "How many" },
  other: { vi: ["bao nhiêu"], en: "How many" },
  percent: { vi: ["bao nhiêu phần trăm", "tỷ lệ bao nhiêu", "bao nhiêu %"], en: "What share of" },
  money: { vi: ["bao nhiêu tiền", "bao nhiêu tỷ đồng", "tổng kinh phí bao nhiêu"], en: "How much" },
};

/**
 * The words before a spot that a question would repeat: back to the clause start, but cut at a comma once
 * there are enough words, so the lead starts where a phrase starts, not in the middle of one.
 */
function leadBefore(
  sentence: string,
  clauseStart: number,
  spotStart: number,
  index: LoadedIndex,
  keepNumbers: boolean,
): string[] {
  const text = sentence.slice(clauseStart, spotStart);
  const pieces = text.split(/,(?=\s)/);
  let lead: string[] = [];
  for (let at = pieces.length - 1; at >= 0 && lead.length < 4; at--) {
    lead = [...plainWords(pieces[at] ?? "", index, keepNumbers), ...lead];
  }
  return lead.length > MAX_LEAD_WORDS + 4 ? [] : lead.slice(-MAX_LEAD_WORDS - 2);
}

function figureDraft(
  figure: Figure,
  document: CleanDocument,
  index: LoadedIndex,
  random: Random,
): QuestionDraft | undefined {
  // A question about what a list of names counts does not name some of its members (offsets are kept).
  const sentence = withoutNameLists(figure.sentence);
  const start = figure.start - figure.sentenceStart;
  const end = figure.end - figure.sentenceStart;
  const clause = clauseAround(sentence, start);
  const keepNumbers = random.chance(0.15);
  // In a list ("Điện Biên (33,25%), Hà Nam (27,72%)") a question names the item's own words, and
  // sometimes the clause's subject.
  const previous = Math.max(
    clause.start,
    ...figuresBefore(figure, index)
      .map((other) => other.end - other.sentenceStart)
      .filter((at) => at <= start),
  );
  const subject =
    previous > clause.start && random.chance(0.5)
      ? plainWords(sentence.slice(clause.start, previous), index, false).slice(0, 3)
      : [];
  const lead = [...subject, ...leadBefore(sentence, previous, start, index, keepNumbers)];
  const unit = figure.unit && figure.unit !== "%" ? figure.unit : "";
  const afterUnit =
    unit && sentence.slice(end).trimStart().startsWith(unit)
      ? sentence.slice(end).indexOf(unit) + unit.length
      : 0;
  const tail = plainWords(sentence.slice(end + afterUnit, clause.end), index, keepNumbers).slice(
    0,
    MAX_TAIL_WORDS,
  );
  if (lead.length + tail.length < 2) return undefined;
  const ask = ASK_FOR_KIND[figure.kind];
  // A date the sentence itself gives for its figures ("Tính đến hết năm 2024, …") is how people date them.
  const printedTime = findDates(sentence.slice(0, start))
    .at(-1)
    ?.text.replace(/^(tính đến|đến|tính)\s+/iu, "");
  const time = printedTime ?? readableTime(figure.asOf);
  // People asking for a goal, a projection or a change say so: "chỉ tiêu …", "dự kiến …", "tăng bao nhiêu".
  const framed = fold(lead.join(" "));
  const goal =
    figure.target && !/(chi tieu|muc tieu|phan dau)/.test(framed)
      ? [random.pick(["Chỉ tiêu", "Mục tiêu"])]
      : figure.projected && !/du kien/.test(framed)
        ? ["dự kiến"]
        : [];
  return {
    lead: [...goal, ...lead],
    ask: figure.change ? random.pick(["tăng bao nhiêu", "tăng thêm bao nhiêu"]) : random.pick(ask.vi),
    focus: figure.kind === "money" ? [] : plainWords(unit, index, false),
    tail,
    englishAsk: figure.change ? "By how much did" : ask.en,
    references: referencesOf(document),
    newest: isNewest(document, index),
    ...(time ? { time } : {}),
  };
}

function figuresBefore(figure: Figure, index: LoadedIndex): Figure[] {
  return index.figures.filter(
    (other) =>
      other.docId === figure.docId &&
      other.sentenceStart === figure.sentenceStart &&
      other.end <= figure.start,
  );
}

function taskWords(deadline: Deadline, index: LoadedIndex): string[] {
  const task = deadline.task
    .replace(deadline.dueText, " ")
    .replace(/^(?:hoàn thành|phấn đấu|khẩn trương)\s+/iu, "");
  const words = plainWords(task, index, false);
  const body = deadline.body ? fold(deadline.body) : "";
  return words.filter((word) => !body.includes(fold(word)) || word.length < 3).slice(0, MAX_TASK_WORDS);
}

/** A question ending with its question phrase ("… phải hoàn thành khi nào?"): the lead is all it says. */
function askedAtEnd(
  lead: string[],
  ask: string,
  englishAsk: string,
  document: CleanDocument,
  index: LoadedIndex,
): QuestionDraft {
  return {
    lead,
    ask,
    askAtEnd: true,
    focus: [],
    tail: [],
    englishAsk,
    references: referencesOf(document),
    newest: isNewest(document, index),
  };
}

function deadlineDraft(
  deadline: Deadline,
  document: CleanDocument,
  index: LoadedIndex,
  random: Random,
): QuestionDraft | undefined {
  const task = taskWords(deadline, index);
  if (task.length < 3) return undefined;
  const body = deadline.body ? [deadline.body, random.pick(["phải", "cần", "được giao"])] : [];
  return askedAtEnd(
    [...body, ...task],
    random.pick(["trong thời hạn nào", "khi nào", "hạn chót là khi nào", "đến khi nào phải xong"]),
    "By when must",
    document,
    index,
  );
}

// The document a date cites, printed right before it: "Nghị quyết số 175/NQ-CP ngày 30/10/2025",
// "Kế hoạch 02-KH/BCĐTW ngày 19/6/2025".
const CITED_BEFORE =
  /(\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)\s+(?:số\s+)?(\d+(?:-\p{L}+)?\/[\p{L}\d\-/]+)\s*(?:ngày)?\s*$/u;

/**
 * The date of an event ("… chính thức triển khai từ ngày nào?"), or of a document the sentence cites by its
 * number ("Nghị quyết 175/NQ-CP ban hành ngày nào?").
 */
function dateDraft(
  sentence: string,
  mention: DateMention,
  document: CleanDocument,
  index: LoadedIndex,
  random: Random,
): QuestionDraft | undefined {
  const ask = (lead: string[], asks: string[], englishAsk: string) =>
    askedAtEnd(lead, random.pick(asks), englishAsk, document, index);
  if (isDocumentReferenceDate(sentence, mention)) {
    const cited = CITED_BEFORE.exec(sentence.slice(Math.max(0, mention.start - 60), mention.start));
    if (!cited?.[1] || !cited[2]) return undefined;
    return ask(
      [cited[1], cited[2]],
      ["ban hành ngày nào", "được ban hành vào ngày nào", "ngày nào", "ký ban hành khi nào"],
      "When was",
    );
  }
  const clause = clauseAround(sentence, mention.start);
  const before = leadBefore(sentence, clause.start, mention.start, index, false);
  const after = plainWords(sentence.slice(mention.end, clause.end), index, false).slice(
    0,
    MAX_TASK_WORDS - before.length,
  );
  if (before.length + after.length < 3) return undefined;
  const from = mention.cue === "tu" || mention.cue === "tu ngay";
  return from
    ? ask([...before, ...after], ["từ ngày nào", "từ khi nào"], "Since when")
    : ask([...before, ...after], ["vào ngày nào", "khi nào", "ngày nào"], "When");
}

function bodyDraft(
  sentence: string,
  bodyEnd: number,
  clauseEnd: number,
  document: CleanDocument,
  index: LoadedIndex,
  random: Random,
): QuestionDraft | undefined {
  const rest = plainWords(sentence.slice(bodyEnd, clauseEnd), index, false).slice(0, MAX_TASK_WORDS);
  if (rest.length < 3) return undefined;
  return {
    lead: [],
    ask: random.pick(["Cơ quan nào", "Đơn vị nào", "Ai"]),
    focus: [],
    tail: rest,
    englishAsk: "Which agency",
    references: referencesOf(document),
    newest: isNewest(document, index),
  };
}

interface Source {
  draft: QuestionDraft;
  docId: string;
  gold: Gold;
  /** A figure item's newest point of its measure: what a question naming no time or report asks for. */
  latest?: { docId: string; gold: Gold };
  figure?: Figure;
  /** The item's own draws: which styles ask it, how, and whether it is kept among its kind. */
  random: Random;
  /** Items of a kind are kept in this order, up to `perKind`. */
  order: number;
}

function figureGold(figure: Figure): Gold {
  const at = figure.start - figure.sentenceStart;
  return {
    kind: "figure",
    numbers: figure.values,
    answers: [figure.text],
    quote: quoteAround(figure.sentence, at, figure.end - figure.sentenceStart),
  };
}

/** The draws of a figure or a deadline: its document, its sentence and where it stands in it. */
function spotRandom(seed: number, spot: Figure | Deadline): Random {
  return itemRandom(seed, `${spot.docId}|${spot.sentence}|${spot.start - spot.sentenceStart}`);
}

function figureSources(index: LoadedIndex, seed: number): Source[] {
  const sources: Source[] = [];
  for (const figure of index.figures) {
    const document = index.documentsById.get(figure.docId);
    if (!document) continue;
    const random = spotRandom(seed, figure);
    const order = random.next();
    const draft = figureDraft(figure, document, index, random);
    if (!draft) continue;
    const newest = seriesPoints(index.series, figure.series)[0];
    sources.push({
      draft,
      docId: figure.docId,
      gold: figureGold(figure),
      figure,
      random,
      order,
      ...(newest && newest.asOf > figure.asOf
        ? { latest: { docId: newest.docId, gold: figureGold(newest) } }
        : {}),
    });
  }
  return sources;
}

function deadlineSources(index: LoadedIndex, seed: number): Source[] {
  const sources: Source[] = [];
  for (const deadline of index.deadlines) {
    const document = index.documentsById.get(deadline.docId);
    if (!document) continue;
    const random = spotRandom(seed, deadline);
    const order = random.next();
    const draft = deadlineDraft(deadline, document, index, random);
    if (!draft) continue;
    const at = deadline.start - deadline.sentenceStart;
    sources.push({
      draft,
      docId: deadline.docId,
      gold: {
        kind: "deadline",
        numbers: [],
        answers: dueForms({ deadline }),
        quote: quoteAround(deadline.sentence, at, deadline.end - deadline.sentenceStart),
      },
      random,
      order,
    });
  }
  return sources;
}

/**
 * Events with a day or month printed in a sentence (not due dates), the dates of the documents it cites by
 * number, and bodies that lead a clause.
 */
function sentenceSources(index: LoadedIndex, seed: number): Source[] {
  const sources: Source[] = [];
  const dueSentences = new Set(
    index.deadlines.map((deadline) => `${deadline.docId}:${deadline.sentenceStart}`),
  );
  for (const document of index.documents) {
    for (const sentence of splitSentences(document.text)) {
      const text = sentence.text;
      if (text.length < 40 || dueSentences.has(`${document.meta.id}:${sentence.start}`)) continue;
      for (const mention of findDates(text)) {
        if (mention.precision !== "day" && mention.precision !== "month") continue;
        const random = itemRandom(seed, `${document.meta.id}|${text}|date ${mention.start}`);
        const order = random.next();
        if (!random.chance(0.5)) continue;
        const draft = dateDraft(text, mention, document, index, random);
        if (!draft) continue;
        sources.push({
          draft,
          docId: document.meta.id,
          gold: {
            kind: "date",
            numbers: [],
            answers: canonicalForms(mention.iso),
            quote: quoteAround(text, mention.start, mention.end),
          },
          random,
          order,
        });
      }
      for (const body of findBodies(text)) {
        const clause = clauseAround(text, body.start);
        // A body opening its clause is its subject: "Bộ Y tế chủ trì …", "Giao Ngân hàng Chính sách xã hội …".
        const opener = text.slice(clause.start, body.start).replace(LAYOUT, "").trim();
        if (opener !== "" && !/^(giao|yêu cầu|đề nghị)$/iu.test(opener)) continue;
        const random = itemRandom(seed, `${document.meta.id}|${text}|body ${body.start}`);
        const order = random.next();
        if (!random.chance(0.5)) continue;
        const draft = bodyDraft(text, body.end, clause.end, document, index, random);
        if (!draft) continue;
        sources.push({
          draft,
          docId: document.meta.id,
          gold: {
            kind: "fact",
            numbers: [],
            answers: [body.name],
            quote: quoteAround(text, body.start, body.end),
          },
          random,
          order,
        });
      }
    }
  }
  return sources;
}

// Places no report names (airports, islands) besides the provinces.
const OTHER_PLACES = ["Nội Bài", "Phú Quốc", "Cam Ranh", "Côn Đảo", "Vân Đồn"];
// Things no report counts.
const ABSENT_THINGS = [
  "vé máy bay",
  "xe máy điện",
  "giường bệnh",
  "phòng khám tư nhân",
  "giáo viên mầm non",
  "cây xanh",
  "lượt khách du lịch",
  "căn hộ chung cư",
  "trạm sạc",
  "tàu cá",
  "vụ tai nạn giao thông",
  "học bổng",
  "doanh nghiệp giải thể",
  "thuê bao 6G",
];
const ABSENT_YEARS = ["2018", "2019", "2020"];
/** Share of a figure's negatives that narrow what it counts. */
const NARROWED_SHARE = 0.3;
// What narrows a counted whole to a part ("… đối tượng truy nã là người nước ngoài", "tỷ lệ kích hoạt ở
// khu vực nông thôn"): asked of a figure printed for the whole, the question has no answer.
const NARROWING = [
  "ở khu vực nông thôn",
  "là người nước ngoài",
  "là phụ nữ",
  "là người cao tuổi",
  "là học sinh, sinh viên",
  "là doanh nghiệp nhỏ và vừa",
  "ở các tỉnh miền núi",
  "là người dân tộc thiểu số",
  "là hộ kinh doanh cá thể",
  "thuộc khu vực tư nhân",
  "ở cấp xã",
  "là người khuyết tật",
  "là cán bộ, công chức",
  "của riêng Bộ Công an",
];

function absentIn(index: LoadedIndex, phrase: string): boolean {
  const syllables = foldPhrase(phrase).split(" ");
  for (let at = 0; at + 1 < syllables.length; at++) {
    if (index.lexical.documentFrequency("folded", `${syllables[at]}_${syllables[at + 1]}`) > 0) return false;
  }
  return syllables.length > 1 || index.lexical.documentFrequency("folded", syllables[0] ?? "") === 0;
}

/**
 * Narrowings the figure's sentence does not print, and that no figure sentence prints beside the figure's
 * counted noun (which would make the narrowed question answerable after all).
 */
function narrowingsOf(figure: Figure, figureSentences: string[]): string[] {
  const unit = fold(figure.unit ?? "");
  if (!unit || figure.kind === "percent") return [];
  return NARROWING.filter((narrowing) => {
    const key = foldPhrase(narrowing).split(" ").slice(-2).join(" ");
    return (
      !fold(figure.sentence).includes(key) &&
      !figureSentences.some((sentence) => sentence.includes(key) && sentence.includes(unit))
    );
  });
}

/**
 * One member of a list of names the figure's sentence gives, one that no figure sentence prints outside
 * such a list (where it might have a figure of its own), asked alone ("riêng Agribank"): a part no report
 * breaks out.
 */
function askOneMember(source: Source, unlistedSentences: string[]): Source | undefined {
  const { figure, draft, random } = source;
  // A share printed for a list is every member's share.
  if (!figure || figure.kind === "percent") return undefined;
  const alone = nameLists(figure.sentence)
    .flatMap((list) => list.members)
    .filter((member) => {
      const key = ` ${foldPhrase(member)} `;
      return !unlistedSentences.some((sentence) => sentence.includes(key));
    });
  if (alone.length === 0) return undefined;
  return {
    ...source,
    gold: UNANSWERABLE,
    draft: { ...draft, focus: [...draft.focus, random.pick(["riêng", "của riêng"]), random.pick(alone)] },
  };
}

/**
 * Another report that does not print the figure's measure, or a year none of its values describes:
 * asked of that report or that year, the question has no answer.
 */
function missingFrom(
  figure: Figure,
  index: LoadedIndex,
  random: Random,
): { report?: CleanDocument; year?: string } {
  const points = seriesPoints(index.series, figure.series);
  const reports = index.documents.filter(
    (document) => !points.some((point) => point.docId === document.meta.id),
  );
  const years = ["2022", "2023", "2024", "2025"].filter(
    (year) => !points.some((point) => point.asOf.startsWith(year)) && !figure.sentence.includes(year),
  );
  return {
    ...(reports.length > 0 ? { report: random.pick(reports) } : {}),
    ...(years.length > 0 ? { year: random.pick(years) } : {}),
  };
}

const UNANSWERABLE: Gold = { kind: "unanswerable", numbers: [], answers: [], quote: "" };

/**
 * A question like a real one whose answer no report holds: a part of what the figure counts that no
 * report breaks out, a place the item's sentence does not name
 * (one no report names, or one named elsewhere), a thing no report counts, a report that does not print
 * the measure, a year none of its values describes, or a year before any report.
 */
function negativeOf(
  source: Source,
  index: LoadedIndex,
  places: string[],
  things: string[],
  figureSentences: string[],
): Source {
  const { draft, random } = source;
  const negative = (changed: QuestionDraft): Source => ({ ...source, gold: UNANSWERABLE, draft: changed });
  const choice = random.next();
  const narrowings = source.figure ? narrowingsOf(source.figure, figureSentences) : [];
  if (random.chance(NARROWED_SHARE) && narrowings.length > 0) {
    return negative({ ...draft, focus: [...draft.focus, random.pick(narrowings)], ask: "bao nhiêu" });
  }
  const elsewhere = places.filter((place) => !fold(source.gold.quote).includes(fold(place)));
  if (choice < 0.3 && elsewhere.length > 0) {
    return negative({
      ...draft,
      tail: [...draft.tail, random.pick(["tại", "của", "ở"]), random.pick(elsewhere)],
    });
  }
  if (choice < 0.5 && things.length > 0 && source.gold.kind === "figure") {
    return negative({ ...draft, focus: [random.pick(things)], ask: "bao nhiêu" });
  }
  const missing = source.figure ? missingFrom(source.figure, index, random) : {};
  if (choice < 0.7 && missing.report) {
    return negative({ ...draft, references: referencesOf(missing.report), time: "" });
  }
  const year = choice < 0.85 && missing.year ? missing.year : random.pick(ABSENT_YEARS);
  return negative({
    ...draft,
    lead: [random.pick([`Năm ${year},`, `Trong năm ${year},`, `Tính đến hết năm ${year},`]), ...draft.lead],
    references: { vi: [], en: [] },
  });
}

export interface GenerationOptions {
  seed: number;
  /** At most this many items of each kind (figures are the most numerous). */
  perKind: number;
  /** Share of items that also give a negative. */
  negativeShare: number;
}

export const DEFAULT_GENERATION: GenerationOptions = { seed: 6, perKind: 700, negativeShare: 0.25 };

export function generateQuestions(
  index: LoadedIndex,
  options: GenerationOptions = DEFAULT_GENERATION,
): GeneratedQuestion[] {
  const places = [...placeNames(), ...OTHER_PLACES.filter((place) => absentIn(index, place))];
  const things = ABSENT_THINGS.filter((thing) => absentIn(index, thing));
  const figureSentences = [...new Set(index.figures.map((figure) => fold(figure.sentence)))];
  // Figure sentences without their lists of names, folded and padded: where a member has a figure of its own.
  const unlistedSentences = [
    ...new Set(index.figures.map((figure) => ` ${foldPhrase(withoutNameLists(figure.sentence))} `)),
  ];
  const kept = (sources: Source[]) => sources.sort((a, b) => a.order - b.order).slice(0, options.perKind);
  const sources = [
    ...kept(figureSources(index, options.seed)),
    ...kept(deadlineSources(index, options.seed)),
    ...kept(sentenceSources(index, options.seed)),
  ];
  const questions: GeneratedQuestion[] = [];
  for (const source of sources) {
    const { random } = source;
    for (const style of random.shuffle(QUESTION_STYLES).slice(0, STYLES_PER_ITEM)) {
      const question = writeQuestion(source.draft, style, random);
      if (!question) continue;
      const dated = style === "dated" || question.startsWith("According to");
      const asked = !dated && source.latest ? source.latest : source;
      questions.push({ question, style, docId: asked.docId, gold: asked.gold });
    }
    const negatives = [
      ...(random.chance(options.negativeShare)
        ? [negativeOf(source, index, places, things, figureSentences)]
        : []),
      // Lists of names are few: every figure counting one asks about a member alone, so that is learnt.
      askOneMember(source, unlistedSentences),
    ];
    for (const negative of negatives) {
      if (!negative) continue;
      // A question asked of another report names it: written in the dated style when it has one.
      const named =
        negative.draft.references !== source.draft.references && negative.draft.references.vi.length > 0;
      const style = named ? "dated" : random.pick(["formal", "chat", "paraphrase"] as const);
      const question = writeQuestion(negative.draft, style, random);
      if (question) questions.push({ question, style: "absent", docId: source.docId, gold: negative.gold });
    }
  }
  return questions;
}
