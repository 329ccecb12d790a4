import { type BodyMention, findBodies } from "../core/bodies";
import { type DateMention, findDates, isComparisonDate } from "../core/dates";
import { placeMentions, placesIn } from "../core/places";
import { fold, hasDiacritics, normalizeText } from "../core/text";
import type { DocumentMeta, FigureKind } from "../core/types";
import { CITED_DOCUMENT_KINDS, findDocumentReference } from "./document-reference";
import { expandChatWords, findGlossaryMatches, foldPhrase } from "./glossary";
import type { LexicalIndex, WeightedQuery } from "./lexical";
import {
  FOLDED_STOP_SYLLABLES,
  indexedPairs,
  indexSyllables,
  STOP_SYLLABLES,
  syllableSegments,
} from "./tokenize";

/**
 * Query understanding: what a question asks for (a figure, a deadline, a date, a fact, a list of
 * deadlines), for which time, from which document and responsible body, in which language, and which
 * concepts an answer sentence must contain. Works the same with or without diacritics and in English.
 */
export type Intent = "figure" | "deadline" | "date" | "fact" | "deadline-list";

export interface Concept {
  /** Folded wordings, any of which counts as the concept being present. */
  wordings: string[];
  /** How much the concept tells candidates apart (inverse document frequency of its best wording). */
  weight: number;
  /** From the question itself rather than from a glossary expansion of it. */
  literal: string;
  /** A name the question gives (`Lâm Đồng`, `Viettel`): a passage without it does not answer. */
  required?: boolean;
  /** The concept stands before the question word (`Bộ Công an đã cấp` in "Bộ Công an đã cấp bao nhiêu thẻ"). */
  beforeAsk?: boolean;
  /** The predicate right before "bao nhiêu" (`hoàn thành` in "đã hoàn thành được bao nhiêu nhiệm vụ"). */
  asksAction?: boolean;
  /** Says what the counted noun is after it (`chưa được số hóa` in "bao nhiêu trường chưa được số hóa"). */
  describesCounted?: boolean;
}

export interface TimeConstraint {
  iso: string;
  periodStart: string;
  periodEnd: string;
  text: string;
}

export interface QueryPlan {
  question: string;
  lang: "vi" | "en";
  intent: Intent;
  /** The kind of figure asked for, when the question says (`tỷ lệ` → percent, `bao nhiêu tiền` → money). */
  expects?: FigureKind;
  /** The question wants a place or a body named (`tỉnh nào`, `which province`). */
  expectsName?: "place" | "body";
  /** A rate's period the question asks for (`mỗi năm`, `each year`, `a day`), as a report prints it: `năm`. */
  asksPer?: string;
  time?: TimeConstraint;
  /** The question asks for the newest figure (`hiện nay`, `latest`, `now`). */
  latest: boolean;
  docIds: string[];
  body?: string;
  overdue: boolean;
  /** The question asks for several figures (`bao nhiêu … và … bao nhiêu`). */
  wantsSeveral: boolean;
  /** `bao nhiêu`, `how many`, `tỷ lệ`…: only a number answers it. */
  asksCount: boolean;
  /** It asks how many of a thing ("bao nhiêu người", "how many accounts"), not an amount or a share. */
  countsThings: boolean;
  /** It asks for a goal (`chỉ tiêu`, `target`), so target figures are not second choice. */
  asksTarget: boolean;
  /** It asks by how much something changed (`tăng thêm bao nhiêu`, `by how much … grown`), not its level. */
  asksChange: boolean;
  /** The question asks what actually happened (`actually`, `trên thực tế`), not a goal or a projection. */
  asksActual: boolean;
  /** It asks since when something holds (`từ ngày nào`, `bắt đầu`, `since when`): a date read with `từ` answers. */
  asksSince: boolean;
  /** `phải làm gì`, `what must…`: a body's duties, i.e. its deadlines. */
  asksDuties: boolean;
  /** A topic without any question word (`tai khoan vneid`): it asks for the topic's figure. */
  bareTopic: boolean;
  /** `Đề án 06 là gì?`, `what is …`: it asks what a term stands for. */
  asksDefinition: boolean;
  /** How precise a date the question asks for: `ngày nào` a day, `tháng nào` a month, `năm nào` a year. */
  asksPrecision?: "day" | "month" | "quarter" | "year";
  concepts: Concept[];
  /** The concept right after `bao nhiêu` / `how many` (`ý tưởng`, `mẫu ADN`): what the asked number counts. */
  counted?: Concept;
  /** Numbers the question itself gives: never the answer. */
  givenNumbers: string[];
  /** Numbers naming one of several like things (`Trung tâm dữ liệu quốc gia số 2`, `No. 1`). */
  namedNumbers: string[];
  /** Provinces and cities the question names, by canonical name: an answer about them must name them too. */
  places: string[];
  /** Capitalized names in the question that no report mentions (`Noi Bai`). */
  unknownNames: string[];
  /**
   * Words no report prints: in Vietnamese, pairs of topic syllables never printed together; in English,
   * words neither the glossary nor the reports know.
   */
  absentWords: string[];
  lexicalQuery: WeightedQuery;
}

export interface QueryContext {
  lexical: LexicalIndex;
  documents: DocumentMeta[];
}

const ENGLISH_WORDS = new Set(
  "the a an of to in on by for from with what which who whom whose when where why how many much is are was were be been being do does did has have had will would should must can could according per as at and or not that this these those it its their there than into about them they we our you your he she his her under since before after until against within across during between via upon".split(
    " ",
  ),
);

// Question scaffolding, folded: removed before concepts are built (it never appears in an answer sentence).
const QUESTION_PHRASES = [
  "phai lam gi",
  "phai lam o dau",
  "lam o dau",
  "lam gi",
  // "chiếm tỷ lệ bao nhiêu" asks for a share (the plan's `expects`), as "là bao nhiêu" asks for a figure:
  // reports print the share alone ("1.697 người làm chuyên trách (55,6%)"), seldom "chiếm tỷ lệ". A bare
  // "chiếm bao nhiêu hệ thống" keeps its verb, which the reports do print ("chiếm ưu thế").
  "chiem ty le bao nhieu",
  "chiem ty trong bao nhieu",
  "chiem bao nhieu phan tram",
  "la bao nhieu",
  // "ai là …", "… là ai": the question word for a person, not the concept "AI" it folds to.
  "ai la",
  "la ai",
  "do ai",
  "co bao nhieu",
  "bao nhieu tien",
  "bao nhieu phan tram",
  "phan tram",
  "tinh den nay",
  "tinh toi nay",
  "cho den nay",
  "den nay",
  "toi nay",
  // "Theo chú thích …" points at a footnote, whose words are not the topic ("thích" would be its rarest word).
  "theo chu thich",
  "chu thich",
  "footnote",
  "footnotes",
  // "hiện nay", "mới nhất", "so far" ask for the newest figure (the plan's `latest`), not about a topic.
  "hien nay",
  "hien tai",
  "moi nhat",
  "gan day nhat",
  "so far",
  "to date",
  "most recent",
  "as of today",
  // "mỗi năm", "hằng năm" ask for a rate's period (the plan's `asksPer`), not about a topic: "mỗi" would
  // otherwise read as the concept "moi", which "mới" (new) folds to.
  "moi nam",
  "hang nam",
  "moi thang",
  "hang thang",
  "moi ngay",
  "hang ngay",
  "bao nhieu",
  "bao lau",
  "bao gio",
  "khi nao",
  "luc nao",
  "ngay nao",
  "thang nao",
  "nam nao",
  "ky hop nao",
  "giai doan nao",
  "thoi han nao",
  "han chot",
  "thoi han",
  "deadline for",
  "deadline",
  "thoi diem nao",
  "thoi gian nao",
  "tinh nao",
  "nhu the nao",
  "the nao",
  "o dau",
  "la gi",
  "nhung gi",
  "cai gi",
  "nao",
  "may",
  "gi",
  "hay cho biet",
  "tong cong",
  "so luong",
  "cho biet",
  "xin hoi",
  "how many",
  "how much money",
  "how much",
  "how long",
  "what share",
  "what percentage",
  "what proportion",
  "what date",
  "what day",
  "by when",
  "according to",
  "by the time of",
  "at the time of",
];

const ENGLISH_STOP = new Set([
  ...ENGLISH_WORDS,
  "now",
  "currently",
  "latest",
  "total",
  "number",
  "get",
  "got",
  "being",
  "required",
  "deadline",
  "date",
  "year",
  "month",
  "many",
  "much",
  "did",
  "share",
  "percentage",
  "rate",
  "proportion",
  // English words that are also folded Vietnamese syllables (nợ, đây): never a topic in English.
  "no",
  "if",
  "go",
  "day",
  // Words that frame an English question without naming what it asks about.
  ..."through roughly approximately far so actually still doing done able need needs needed made make put real every each supposed because hold gave give given meant thanks also just only yet already ever up out over two three four five all years other such whole together among towards overall following set show went worked helped helping help found meet start own very rather alone".split(
    " ",
  ),
]);
const VIETNAMESE_QUESTION_SYLLABLES = new Set(
  // "khoảng bao nhiêu", "riêng Bộ X còn bao nhiêu", "tích hợp lên VNeID", "được bao nhiêu rồi": hedges
  // and particles a question adds that a report's sentence need not print.
  [
    "thì",
    "phải",
    "hiện",
    "nay",
    "việc",
    "hãy",
    "biết",
    "hỏi",
    "ạ",
    "nhỉ",
    "vậy",
    "muốn",
    "khoảng",
    "riêng",
    "lên",
    "rồi",
  ].map(fold),
);

const COUNT_QUESTION =
  /\b(bao nhieu|how many|how much|ty le|so luong|what shares?|what percentages?|what rates?)\b/;
const TARGET_QUESTION =
  /\b(chi tieu|muc tieu|phan dau|target|goal|toi thieu|minimum|should reach|supposed to|phai dat)/;
const CHANGE_VERBS =
  "(?:increase|rise|grow|decrease|fall|drop)(?:d|s)?|dropped|grew|grown|rose|risen|fell|fallen";
const CHANGE_VERB = new RegExp(`^(?:${CHANGE_VERBS})$`);
const CHANGE_QUESTION = new RegExp(
  `\\b(?:(?:tang|giam)(?: them)? (?:khoang |duoc )?(?:bao nhieu|bn)|by how much|how much more|${CHANGE_VERBS}|went up|gone up)\\b`,
);
// "How much has revenue actually increased": what happened, which no projection or target tells.
const ACTUAL_QUESTION = /\b(actually|in reality|in practice|tren thuc te|thuc te da|thuc su da)\b/;
const SINCE_QUESTION =
  /\b(tu (?:ngay|khi|luc|thang|nam|thoi diem) nao|bat dau|since when|from when|from what date)\b/;
const DEFINITION_QUESTION =
  /\b(la gi|nghia la gi|la cai gi|what is|what are|what does .+ stand for|what does .+ mean)\b/;
const PRECISION_ASKED: Array<[RegExp, "day" | "month" | "quarter" | "year"]> = [
  [/\b(ngay nao|what date|which date|what day|on what date)\b/, "day"],
  [/\b(thang nao|which month|what month)\b/, "month"],
  [/\b(quy nao|which quarter)\b/, "quarter"],
  [/\b(nam nao|which year|what year)\b/, "year"],
];
const DUTY_QUESTION =
  /\b(phai lam gi|phai lam nhung gi|(?:phai|can) (?:lam|thuc hien|hoan thanh|trien khai) (?:nhung )?(?:gi|viec gi|viec nao|nhiem vu gi)|nhiem vu gi|nhung nhiem vu nao|nhung viec (?:gi|nao)|what must|what should|what does .+ have to|what are the duties|what (?:is|are) .+ (?:responsible for|in charge of)|what tasks|which tasks)\b/;
// A question mark alone does not make a question: "transport sector's contribution to the digital economy?"
// is a topic, asking for its figure.
const QUESTION_WORDS =
  /\b(gi|nao|dau|sao|ai|khong|chua|bao nhieu|bn|may|bao gio|cho biet|liet ke|ke ten|what|which|who|whom|whose|where|when|why|how|is|are|does|do|did|was|were|has|have|can|could|will|list|name|tell|show|give|explain|describe)\b/;

const LATEST_WORDS =
  /\b(hien nay|hien tai|moi nhat|gan day nhat|den nay|now|currently|latest|so far|to date|most recent|as of today)\b/;
const OVERDUE_WORDS = /\b(qua han|tre han|cham tien do|cham muon|overdue|late|behind schedule|past due)\b/;
const LIST_WORDS =
  /\b(nhung viec|cac viec|nhung nhiem vu|cac nhiem vu|nhiem vu nao|viec nao|viec gi|nhung gi|danh sach|liet ke|what is due|what's due|what are due|what must|which tasks|what tasks|list (?:the |all )?(?:tasks|deadlines)|tasks? due|due in|phai xong|phai hoan thanh nhung)\b/;
/** A question about one task's date ("trong thời hạn nào", "by when") is not a listing, whatever else it says. */
const GOAL_WORDS =
  /\b(phai|chi tieu|muc tieu|phan dau|du kien|target|goal|must|should|supposed|expected|due)\b/;
const COUNT_WORDS_ONLY = /\b(bao nhieu|how many|how much)\b/;
const ONE_DATE_WORDS =
  /\b(thoi han(?: [a-z]+){0,2} nao|thoi gian nao|moc nao|khi nao|truoc ngay nao|ngay nao|thang nao|nam nao|ky hop nao|bao gio|by when|by what date|(?:by |in )?(?:what|which) year|before what date|until when|when)\b/;
// "hạn" alone is a time limit; "đúng hạn" (on time), "quá hạn" (overdue), "gia hạn" (extended) and "hạn
// chế" (shortcomings) are not.
const DEADLINE_WORDS =
  /\b(thoi han|han chot|han cuoi|(?<!\b(?:dung|qua|gia|tre|truoc) )han(?! che\b)|khi nao phai|phai hoan thanh|hoan thanh khi nao|truoc ngay nao|den khi nao|ky hop nao|deadline|due|by when|by what date|before what date|must .* (?:finish|complete|deploy)|required to|dead line)\b/;
const DATE_WORDS =
  /\b(ngay nao|khi nao|bao gio|luc nao|thang nao|nam nao|tu ngay nao|giai doan nao|thoi diem nao|thoi gian nao|what date|which date|when|what day|since when|what year|which year|what period|the date of|the date when)\b/;
const FIGURE_WORDS =
  /\b(bao nhieu|bao lau|may|so luong|ty le|phan tram|how many|how much|how long|what shares?|what percentages?|what proportions?|what rates?|what number|what fraction|rank)\b/;
/** "Which Deputy Prime Minister was tasked with … its overdue tasks?" asks for a person, not for the tasks. */
const PERSON_ASKED =
  /\b(who|whom|which (?:deputy )?(?:prime minister|minister|leader|official|person)|(?:pho thu tuong|thu tuong|bo truong|lanh dao|dong chi)(?: [a-z]+){0,3} nao|ai (?:la|da|duoc|phai|chu tri|ky|giao))\b/;
const NAME_WORDS =
  /\b(ten la gi|ten gi|co ten la|goi la gi|what (?:is|are) (?:it|they) called|what (?:are|were) (?:their|the) names|named what)\b/;
/** "What was … revenue / score / rate?" asks for a number without saying "how many". */
const AMOUNT_QUESTION =
  /\bwhat\b[^?]{0,40}\b(revenue|budget|cost|costs|amount|number|total|value|score|rate|share|percentage|funding|spending|level|fee|fees|price|age|sum|speed|ranking|growth|capacity)\b/;
const PERCENT_WORDS =
  /\b(ty le|phan tram|bao nhieu %|what shares?|what percentages?|what proportions?|what rates?|percent)\b|%/;
const MULTIPLE_ASKED =
  /\b(?:gap (?:may|bao nhieu) lan|how many times (?:higher|more|faster|larger|greater|bigger|as)|by what factor)\b/;
const MONEY_WORDS =
  /\b(bao nhieu tien(?! ich\b| do\b)|bao nhieu ty dong|bao nhieu trieu dong|bao nhieu dong(?! chi\b)|ty dong|trieu dong|so tien|kinh phi|ngan sach|tong muc dau tu|von dau tu|chi phi|doanh thu|tien thue|how much money|how much tax|vnd|trillion|billion vnd|budget|cost|investment|amount|funding|funds|revenue|spending|spent|fee|fees|tax|price|muc phi|le phi|giai thuong)\b/;
/** "How much does it save each year?", "tiết kiệm bao nhiêu": what is saved, earned or paid is money, not time. */
const MONEY_VERB_ASKED =
  /\b(how much\b(?![^?]*\b(?:time|hours?|days?|minutes?|weeks?)\b)[^?]*\b(?:save|saves|saved|earn|earns|earned|pay|pays|paid)|tiet kiem (?:duoc )?(?:khoang )?bao nhieu(?! thoi gian| gio| ngay| phut))\b/;
/** The period of a rate asked for: "bao nhiêu mỗi năm", "how much a year", "per day". */
const PER_ASKED =
  /\b(?:moi|hang|per|each|a|every)\s(nam|year|ngay|day|thang|month)\b|\b(annual|annually|yearly|daily|monthly)\b/;
const PER_PRINTED: Record<string, string> = {
  year: "năm",
  nam: "năm",
  annual: "năm",
  annually: "năm",
  yearly: "năm",
  day: "ngày",
  ngay: "ngày",
  daily: "ngày",
  month: "tháng",
  thang: "tháng",
  monthly: "tháng",
};

function perAsked(folded: string): { asksPer?: string } {
  const match = PER_ASKED.exec(folded);
  const per = match ? PER_PRINTED[match[1] ?? match[2] ?? ""] : undefined;
  return per ? { asksPer: per } : {};
}

const BODY_WORDS =
  /\b(co quan nao|don vi nao|don vi cap \w+ nao|bo nao|nganh nao|doanh nghiep nao|ngan hang nao|to chuc nao|which agency|which agencies|which ministry|which ministries|which body|which bodies|which organisation|which organization|which unit|which lenders?|which banks?|which companies|which company|who)\b/;
const PLACE_WORDS =
  /\b(tinh nao|thanh pho nao|dia phuong nao|dia diem nao|which provinces?|which city|which cities|what provinces?|which localit(?:y|ies)|which locations?|what locations?)\b/;

/** Syllables of unaccented Vietnamese that English never uses: `co bao nhieu the can cuoc` is Vietnamese. */
const VIETNAMESE_SYLLABLES = new Set(
  "bao nhieu duoc cua cac nhung va khong chua nao gi hien nay da dang se cho voi trong tren theo tai ve nguoi thi ma la mot de khi nam thang ngay tinh".split(
    " ",
  ),
);

/**
 * English when English function words outnumber Vietnamese words; an English question may quote a
 * Vietnamese term ("how many new identity cards (thẻ Căn cước) were issued"), so diacritics alone do
 * not decide: English function words must outnumber the words written with them.
 */
function detectLanguage(question: string): "vi" | "en" {
  const printed = question.match(/[\p{L}']+/gu) ?? [];
  const words = printed.map((word) => word.toLowerCase());
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  // A document code ("02-KH/BCĐTW", "NĐ-CP") keeps its Đ in English too: capitals are no Vietnamese word.
  const accented = printed.filter((word) => hasDiacritics(word) && word !== word.toUpperCase()).length;
  const vietnamese = accented + words.filter((word) => VIETNAMESE_SYLLABLES.has(word)).length;
  if (accented > 0) return english >= 3 && english > accented ? "en" : "vi";
  return english >= 2 && english > vietnamese ? "en" : "vi";
}

// Folded without punctuation: "when" opens a clause, not a question, when no auxiliary verb follows it.
const LEADING_WHEN_CLAUSE =
  /^when (?!(?:was|is|are|were|did|does|do|has|have|had|will|would|should|must|can|could|may|might)\b).*\b(?:which|what|who|whom|where|how many|how much)\b/;

/**
 * "Which official was named deputy head when it was set up?": after a question word that asks for a
 * person, a body, a place or a number, "when" opens a clause that dates what is asked.
 */
function withoutWhenClause(folded: string): string {
  // "When the system was upgraded, which language …?": a leading clause that dates what is asked after it.
  if (LEADING_WHEN_CLAUSE.test(folded)) return folded.replace(/\bwhen\b/g, "");
  const at = folded.search(/\bwhen\b/);
  if (at <= 0) return folded;
  const before = folded.slice(0, at);
  const asksOther = [PERSON_ASKED, BODY_WORDS, PLACE_WORDS, FIGURE_WORDS].some((words) => words.test(before));
  return asksOther ? folded.replace(/\bwhen\b/g, "") : folded;
}

function detectIntent(foldedQuestion: string): Intent {
  const folded = withoutWhenClause(foldedQuestion);
  // "riêng Bộ X còn bao nhiêu nhiệm vụ chậm tiến độ" counts tasks; "trong thời hạn nào" asks for one date.
  const list =
    LIST_WORDS.test(folded) &&
    !ONE_DATE_WORDS.test(folded) &&
    !COUNT_WORDS_ONLY.test(folded) &&
    !PERSON_ASKED.test(folded);
  if (
    list &&
    (DEADLINE_WORDS.test(folded) ||
      OVERDUE_WORDS.test(folded) ||
      /\b(xong|finish|complete|due)\b/.test(folded))
  )
    return "deadline-list";
  if (
    OVERDUE_WORDS.test(folded) &&
    /\b(nhiem vu|viec|tasks?)\b/.test(folded) &&
    !PERSON_ASKED.test(folded) &&
    !FIGURE_WORDS.test(folded) &&
    !ONE_DATE_WORDS.test(folded)
  )
    return "deadline-list";
  if (DEADLINE_WORDS.test(folded)) return "deadline";
  // "Chỉ tiêu tỷ lệ … 40% phải đạt trong năm nào?" asks for a date, whatever figures it names.
  if (ONE_DATE_WORDS.test(folded) && !COUNT_WORDS_ONLY.test(folded))
    return GOAL_WORDS.test(folded) ? "deadline" : "date";
  // "mấy ứng dụng … tên là gì" asks for their names, not how many there are.
  if (NAME_WORDS.test(folded)) return "fact";
  if (FIGURE_WORDS.test(folded) || AMOUNT_QUESTION.test(folded)) return "figure";
  if (DATE_WORDS.test(folded)) return "date";
  return "fact";
}

function expectedKind(folded: string, intent: Intent): FigureKind | undefined {
  if (intent !== "figure") return undefined;
  // "tỷ lệ … tăng gấp mấy lần?" asks for a multiple ("gấp 9 lần"), not for the rate itself.
  if (MULTIPLE_ASKED.test(folded)) return undefined;
  if (PERCENT_WORDS.test(folded)) return "percent";
  // "bao nhiêu địa phương chưa bố trí kinh phí" counts localities: the noun after the question word decides.
  if (COUNTED_NOUN.test(folded)) return undefined;
  if (MONEY_WORDS.test(folded) || MONEY_VERB_ASKED.test(folded)) return "money";
  return undefined;
}

const COUNTED_NOUN =
  /\b(bao nhieu|how many) (?!tien\b(?! ich\b| do\b)|ty\b|trieu dong\b|nghin ty\b|dong\b|von\b|kinh phi\b|doanh thu\b|du toan\b|ngan sach\b|chi phi\b|so tien\b|tien thue\b|so voi\b|(?:khi|de|cho|vao|thi|ma|la|va|moi|tren|trong|tai|tu|den|nho|duoc|nua|con)\b)[a-z]/;

/** Document dates quoted as part of a reference (`Kế hoạch số 51/KH-UBND ngày 01/3/2022`) are not time constraints. */
function isReferenceDate(question: string, mention: DateMention): boolean {
  return /\d+\s*\/\s*[\p{L}\d\-/]+[\s,]*(?:ngày|ngay)?\s*$/u.test(
    question.slice(Math.max(0, mention.start - 40), mention.start),
  );
}

/** "in 2022–2025" names a stage of the programme, not the year 2022: a year opening a range is no time asked. */
function opensYearRange(question: string, mention: DateMention): boolean {
  return /^\s*[-–—]\s*(?:19|20)\d{2}\b/.test(question.slice(mention.end));
}

const UNTIL_NOW = /^\s*(?:cho\s+)?(?:đến|tới|den|toi)\s+(?:nay|hiện nay|hiện tại|hien nay|hien tai)\b/iu;

/** "từ năm 2022 đến nay" asks about everything since 2022: the period runs to the newest report. */
function timeConstraint(question: string, mentions: DateMention[]): TimeConstraint | undefined {
  const mention = mentions[0];
  if (!mention) return undefined;
  const untilNow = mention.cue?.startsWith("tu") && UNTIL_NOW.test(question.slice(mention.end));
  return {
    iso: mention.iso,
    periodStart: mention.periodStart,
    periodEnd: untilNow ? "9999-12-31" : mention.periodEnd,
    text: mention.text,
  };
}

/** Replaces the given [start, end) spans with spaces, keeping every other offset. */
function blank(text: string, spans: Array<[number, number]>): string {
  let result = text;
  for (const [start, end] of spans) {
    if (start < 0 || end <= start) continue;
    result = result.slice(0, start) + " ".repeat(end - start) + result.slice(end);
  }
  return result;
}

function removeQuestionPhrases(folded: string): string {
  let text = ` ${folded} `;
  for (const phrase of QUESTION_PHRASES) text = text.split(` ${phrase} `).join("  ");
  return text;
}

/** The folded-field terms a wording is looked up by: its indexed pairs, or its syllables when it has none. */
function lookupTerms(wording: string): string[] {
  const pairs = indexedPairs(wording);
  return pairs.length > 0 ? pairs : indexSyllables(wording);
}

function pairWeight(lexical: LexicalIndex, wording: string): number {
  return Math.max(0, ...lookupTerms(wording).map((term) => lexical.inverseDocumentFrequency("folded", term)));
}

/**
 * How strongly two syllables belong to one word in the reports: how often they stand together over how
 * often the rarer one appears at all. `dịch vụ` is near 1, the accidental `vụ trực` (from `dịch vụ trực
 * tuyến`) near 0.
 */
function cohesion(lexical: LexicalIndex, first: string, second: string): number {
  const together = lexical.documentFrequency("folded", `${first}_${second}`);
  if (together === 0) return 0;
  return (
    together /
    Math.max(
      1,
      Math.min(lexical.documentFrequency("folded", first), lexical.documentFrequency("folded", second)),
    )
  );
}

const MIN_COHESION = 0.2;

/** Splits a run of syllables into the words the reports use, cutting where two syllables rarely meet. */
function segmentWords(syllables: string[], lexical: LexicalIndex): string[][] {
  const words: string[][] = [];
  let current: string[] = [];
  syllables.forEach((syllable, index) => {
    const previous = syllables[index - 1];
    if (previous !== undefined && cohesion(lexical, previous, syllable) < MIN_COHESION) {
      words.push(current);
      current = [];
    }
    current.push(syllable);
  });
  if (current.length > 0) words.push(current);
  return words;
}

/**
 * Printed text cut into the words the reports use (`Bộ Công an`, `đã`, `cấp`, `thẻ căn cước`), marks kept:
 * question generation drops and swaps whole words, never half of one.
 */
export function wordsOf(text: string, lexical: LexicalIndex): string[] {
  const syllables = text.split(/\s+/).filter(Boolean);
  const folded = syllables.map((syllable) => fold(syllable).replace(/[^\p{L}\p{N}]/gu, ""));
  const words: string[] = [];
  let at = 0;
  for (const word of segmentWords(folded, lexical)) {
    words.push(syllables.slice(at, at + word.length).join(" "));
    at += word.length;
  }
  return words;
}

/**
 * Drops function syllables at a word's edges (`đã cung cấp` → `cung cấp`) unless they are bound to their
 * neighbour: folded `tai` may be the stop word `tại` or the `tài` of `tài khoản`, and cohesion tells.
 */
function trimStops(word: string[], lang: "vi" | "en", lexical: LexicalIndex): string[] {
  const trimmed = [...word];
  const loose = (first: string, second: string) => cohesion(lexical, first, second) < 0.5;
  while (trimmed.length > 1 && isStop(trimmed[0] ?? "", lang) && loose(trimmed[0] ?? "", trimmed[1] ?? ""))
    trimmed.shift();
  while (
    trimmed.length > 1 &&
    isStop(trimmed.at(-1) ?? "", lang) &&
    loose(trimmed.at(-2) ?? "", trimmed.at(-1) ?? "")
  )
    trimmed.pop();
  return trimmed;
}

function occursInCorpus(lexical: LexicalIndex, wording: string): boolean {
  return lookupTerms(wording).every((term) => lexical.documentFrequency("folded", term) > 0);
}

function isStop(syllable: string, lang: "vi" | "en"): boolean {
  if (lang === "en" && ENGLISH_STOP.has(syllable)) return true;
  return FOLDED_STOP_SYLLABLES.has(syllable) || VIETNAMESE_QUESTION_SYLLABLES.has(syllable);
}

/** Concepts from the question's remaining words: glossary entries first, then syllable pairs the reports use, then single syllables. */
function buildConcepts(
  text: string,
  lang: "vi" | "en",
  lexical: LexicalIndex,
  absent: string[] = [],
): Concept[] {
  const concepts: Concept[] = [];
  // A province is one name, whatever its syllables say alone ("Hà Nam" is not "hà" and "năm").
  const places = placeMentions(text);
  for (const place of places) {
    const wordings = place.forms.filter((form) => occursInCorpus(lexical, form));
    if (wordings.length === 0) continue;
    const weight = Math.max(...wordings.map((wording) => pairWeight(lexical, wording)));
    concepts.push({ wordings, weight, literal: text.slice(place.start, place.end) });
  }
  let rest = blank(
    text,
    places.map((place) => [place.start, place.end] as [number, number]),
  )
    .replace(/\s+/g, " ")
    .trim();
  const glossary = findGlossaryMatches(rest);
  for (const match of glossary) {
    const entry = match.entries[0];
    // "the" is a folded Vietnamese "thẻ" too: in an English question it is English.
    if (!entry || (lang === "en" && ENGLISH_STOP.has(match.matched))) continue;
    const wordings = [
      ...new Set([match.matched, ...match.entries.flatMap((item) => item.reportWordings)]),
    ].filter((wording) => occursInCorpus(lexical, wording));
    if (wordings.length === 0) continue;
    // A Vietnamese question's own wording says how telling it is: a rare synonym ("thời kỳ" for
    // "giai đoạn") does not make a common word rare.
    const own = lang === "vi" && wordings.includes(match.matched) ? pairWeight(lexical, match.matched) : 0;
    concepts.push({
      wordings,
      weight: own || Math.max(...wordings.map((wording) => pairWeight(lexical, wording))),
      literal: match.matched,
    });
  }
  rest = blank(
    ` ${rest} `,
    glossary.map((match) => [match.start + 1, match.end + 1] as [number, number]),
  );
  for (const segment of rest.split(/\s{2,}/)) {
    // Numbers the question gives (`116 CSDL`, `2.822 hệ thống`) describe the context, never the answer's clause.
    // `5G` or `4.0` name things; a bare number is context.
    const syllables = segment.split(" ").filter((syllable) => syllable && !/^[\d.,/]+$/.test(syllable));
    if (lang === "vi") absent.push(...unseenPairs(syllables, lexical));
    for (const word of segmentWords(syllables, lexical).map((found) => trimStops(found, lang, lexical))) {
      if (word.length === 0 || word.every((syllable) => isStop(syllable, lang))) continue;
      if (word.length === 1 && (word[0] ?? "").length < 2) continue;
      const wording = word.join(" ");
      // A document number ("63/2023/TT-BCA") is written the same way in both languages.
      if (lang === "en" && !/\d/.test(wording) && !occursInCorpus(lexical, wording)) {
        absent.push(wording);
        continue;
      }
      concepts.push({ wordings: [wording], weight: pairWeight(lexical, wording), literal: wording });
    }
  }
  return dedupe(concepts);
}

/**
 * Adjacent topic syllables the reports never print together (`cay xanh`, `noi bai`): a question about
 * something no report covers usually has some; a paraphrase has few.
 */
function unseenPairs(syllables: string[], lexical: LexicalIndex): string[] {
  const unseen: string[] = [];
  for (let at = 0; at + 1 < syllables.length; at++) {
    const first = syllables[at] ?? "";
    const second = syllables[at + 1] ?? "";
    if (isStop(first, "vi") || isStop(second, "vi")) continue;
    if (lexical.documentFrequency("folded", `${first}_${second}`) === 0) unseen.push(`${first} ${second}`);
  }
  return unseen;
}

/**
 * "Quyết định 766 ban hành ngày nào?": the number is what names the document whose date is asked, so a
 * passage printing it is the one to read; elsewhere bare numbers are context and not searched for.
 */
function citedNumbers(text: string, lexical: LexicalIndex): Concept[] {
  return [...text.matchAll(CITED_NUMBER)].map((match) => {
    const number = match[1] ?? "";
    return { wordings: [number], weight: pairWeight(lexical, number), literal: number };
  });
}

// "71/NQ-CP", "47/2024/NĐ-CP", "02-KH/BCĐTW": a document's number with its kind's code.
const CODED_DOCUMENT_NUMBER =
  /(?<![\p{L}\d])(?:(\d+)\s*\/\s*(?:\d{4}\s*\/\s*)?(\p{L}+)(?:-\p{L}+)?|(\d+)-(\p{L}+)\/\p{L}+)(?![\p{L}\d])/gu;
const KIND_OF_CODE: Record<string, string> = {
  nq: "nghi quyet",
  qd: "quyet dinh",
  nd: "nghi dinh",
  ct: "chi thi",
  kh: "ke hoach",
  tt: "thong tu",
  tb: "thong bao",
  bc: "bao cao",
  cd: "cong dien",
  ttr: "to trinh",
};

/**
 * The documents a question cites by coded number ("Nghị quyết 71/NQ-CP"), each one concept found as the
 * reports print it in full or by kind and number alone ("Nghị quyết 71", "Nghị quyết số 71"), its code's
 * letters ("CP") no name of their own; with where each stands in ` ${folded} `. Not those the question names
 * as the report to read ("Theo Báo cáo 290/BC-…"), nor those the glossary knows by all their names
 * ("Kế hoạch số 02-KH/BCĐTW").
 */
function citedDocuments(
  normalized: string,
  folded: string,
  readSpans: Array<[number, number]>,
  lexical: LexicalIndex,
): Array<{ concept: Concept; span: [number, number] }> {
  const found: Array<{ concept: Concept; span: [number, number] }> = [];
  let glossed: Array<[number, number]> | undefined;
  for (const match of normalized.matchAll(CODED_DOCUMENT_NUMBER)) {
    const literal = foldPhrase(match[0]);
    const at = ` ${folded} `.indexOf(` ${literal} `);
    if (at === -1) continue;
    const span: [number, number] = [at + 1, at + 1 + literal.length];
    const overlaps = ([from, to]: [number, number]) => span[0] < to && span[1] > from;
    if (readSpans.some(overlaps)) continue;
    glossed ??= findGlossaryMatches(folded).map((gloss): [number, number] => [
      gloss.start + 1,
      gloss.end + 1,
    ]);
    if (glossed.some(overlaps)) continue;
    const number = match[1] ?? match[3] ?? "";
    const kind = KIND_OF_CODE[foldPhrase(match[2] ?? match[4] ?? "")];
    const short = kind ? [`${kind} ${number}`, `${kind} so ${number}`] : [];
    const wordings = [literal, ...short].filter((wording) => occursInCorpus(lexical, wording));
    if (wordings.length === 0) continue;
    const weight = Math.max(...wordings.map((wording) => pairWeight(lexical, wording)));
    found.push({ concept: { wordings, weight, literal }, span });
  }
  return found;
}

function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = concept.wordings.join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Words written with a capital inside the question (`Lâm Đồng`, `Tan Son Nhat`, `Viettel`, `VNeID`): names.
 * The question's first word and words after a full stop are capitalized anyway and do not count.
 */
function capitalizedNames(question: string): string[] {
  // "KH&CN", "LĐ-TB&XH": an abbreviation joined by "&" or "-" is one name, which the glossary knows whole.
  const word = String.raw`\p{Lu}[\p{L}\p{M}]*(?:[&-]\p{Lu}[\p{L}\p{M}]*)*`;
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}&])(${word}(?:\s+${word})*)`, "gu");
  const names: string[] = [];
  for (const match of question.matchAll(pattern)) {
    let name = match[1] ?? "";
    const before = question.slice(0, match.index).trimEnd();
    if (before === "" || /[.?!:]$/.test(before)) name = name.split(/\s+/).slice(1).join(" ");
    if (name.length >= 2) names.push(name);
  }
  return names;
}

/**
 * Names in the question that the reports never mention: of two or more words (`Noi Bai`), or of one in a
 * Vietnamese question (`Campuchia`, `Google`). An English question capitalizes single words that are
 * no names ("January", "ID", "Article 6", "scored 'Good'").
 */
function unknownNames(
  question: string,
  bodyMentions: BodyMention[],
  lang: "vi" | "en",
  lexical: LexicalIndex,
): string[] {
  // "Ministry of Labour, Invalids and Social Affairs" names a known body, whatever its words.
  const bodies = bodyMentions.map((body) => fold(question.slice(body.start, body.end)));
  return capitalizedNames(question).filter((name) => {
    const wording = foldPhrase(name);
    if (bodies.some((body) => body.includes(fold(name)))) return false;
    return (
      (lang === "vi" || wording.includes(" ")) &&
      !occursInCorpus(lexical, wording) &&
      findGlossaryMatches(wording).length === 0
    );
  });
}

/** Inverse document frequency below which a name stands in about a fifth of the passages or more. */
const COMMON_NAME_WEIGHT = 1.5;

const CAPITALIZED_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]*/gu;

const ASKED_BEFORE = /\b(?:which|what)\s+$/i;
const ASKED_AFTER = /^\s*(?:nào|nao)\b/i;

/**
 * A concept that carries a name the question gives must be in any passage that answers it: a name
 * written with capitals, or a body the question names however it is typed ("rieng agribank").
 */
function markNamedConcepts(
  concepts: Concept[],
  question: string,
  bodyMentions: BodyMention[],
  lang: "vi" | "en",
  lexical: LexicalIndex,
): Concept[] {
  // "Which provinces …", "tỉnh nào …": the body the question asks for is no name it gives.
  const bodySpans = bodyMentions
    .filter(
      (body) =>
        !ASKED_BEFORE.test(question.slice(0, body.start)) && !ASKED_AFTER.test(question.slice(body.end)),
    )
    .map((body) => [body.start, body.end] as [number, number]);
  // Whole syllables only: the name "Sổ" does not make "dân số" a name.
  const spaced = (name: string) => ` ${foldPhrase(name)} `;
  // English capitalizes titles and institutions by convention ("the Prime Minister", "State bodies"): there
  // a capital marks a name only when the reports print it as written (`VNeID`, `Tan Son Nhat`) or it is a place.
  const capitalized = capitalizedNames(question);
  const written = capitalized
    .filter((name) => lang === "vi" || occursInCorpus(lexical, foldPhrase(name)))
    .map(spaced);
  const unprinted = capitalized.map(spaced).filter((name) => !written.includes(name));
  const bodies = bodySpans.map(([start, end]) => spaced(question.slice(start, end)));
  // Folding merges syllables ("đấu" of "phấn đấu", "Đầu" of "Đầu tư"): a concept the question also
  // prints outside its names comes from there, not from a name.
  const outsideNames = ` ${foldPhrase(blank(question, bodySpans).replace(CAPITALIZED_WORD, " "))} `;
  const names = (concept: Concept, list: string[]) => {
    const literal = ` ${concept.literal} `;
    return list.some((name) => name.includes(literal) || literal.includes(name));
  };
  const place = (concept: Concept) => concept.wordings.some((wording) => placesIn(wording).length > 0);
  return concepts.map((concept) => {
    if (outsideNames.includes(` ${concept.literal} `)) return concept;
    // The programme's own name ("Đề án 06", "Chính phủ") stands in a large share of the passages: its
    // absence from the sentence that answers says nothing.
    if (concept.weight < COMMON_NAME_WEIGHT) return concept;
    return names(concept, [...bodies, ...written]) || (names(concept, unprinted) && place(concept))
      ? { ...concept, required: true }
      : concept;
  });
}

function lexicalQueryFor(concepts: Concept[], question: string, accented: boolean): WeightedQuery {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  const add = (map: Map<string, number>, term: string, weight: number) =>
    map.set(term, Math.max(map.get(term) ?? 0, weight));
  for (const concept of concepts) {
    concept.wordings.forEach((wording, index) => {
      const weight = index === 0 ? 1 : 0.7;
      const syllables = indexSyllables(wording);
      syllables.forEach((syllable, position) => {
        add(folded, syllable, weight * 0.5);
        const next = syllables[position + 1];
        if (next) add(folded, `${syllable}_${next}`, weight);
      });
    });
  }
  if (accented) {
    for (const segment of syllableSegments(question)) {
      segment.forEach((syllable, position) => {
        if (!STOP_SYLLABLES.has(syllable)) add(exact, syllable, 0.3);
        const next = segment[position + 1];
        if (next) add(exact, `${syllable}_${next}`, 0.6);
      });
    }
  }
  return { exact, folded };
}

const COUNT_WORDS = /\b(bao nhieu|how many|how much|so luong|number of)\b/g;
// "Tăng thêm bao nhiêu so với tháng 12/2024": what follows the question word is a comparison, not a noun.
const COMPARISON = /^\s*(?:so voi|compared)\b/;
const NOT_COUNTED_GAP =
  /\s(?:vao|cho|cua|tai|trong|voi|tu|den|toi|tren|khi|de|thi|la|to|for|in|of|at|from|by|did|does|do|is|are|was|were|has|have|had)\s/;

/** The first concept named within a few words after a count word: the thing the asked number counts. */
function countedConcept(folded: string, concepts: Concept[]): Concept | undefined {
  let best: { concept: Concept; at: number } | undefined;
  for (const match of folded.matchAll(COUNT_WORDS)) {
    const from = (match.index ?? 0) + match[0].length;
    const window = ` ${folded.slice(from, from + 40)} `;
    for (const concept of COMPARISON.test(window) ? [] : concepts) {
      const at = window.indexOf(` ${concept.literal} `);
      // "bao nhiêu vào phần tăng thêm", "how much did the health sector add": a preposition or a verb
      // between the question word and the noun means the noun is not what is counted.
      if (at === -1 || at >= 20 || NOT_COUNTED_GAP.test(window.slice(0, at + 1))) continue;
      if (!best || at < best.at) best = { concept, at };
    }
    if (best) return best.concept;
    // "Tổng giá trị giải thưởng là bao nhiêu?": nothing follows, so what is measured stands just before.
    const before = ` ${folded.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0)} `;
    let nearest: { concept: Concept; end: number } | undefined;
    for (const concept of concepts) {
      const at = before.lastIndexOf(` ${concept.literal} `);
      const end = at + concept.literal.length + 1;
      if (at !== -1 && before.length - end <= 12 && (!nearest || end > nearest.end))
        nearest = { concept, end };
    }
    if (nearest) return nearest.concept;
  }
  return undefined;
}

const ASK_WORDS =
  /\b(bao nhieu|how many|how much|what share|what percentage|khi nao|bao gio|ngay nao|thoi han nao|nam nao|thang nao|when|by when|which|what|co quan nao|don vi nao|nao|o dau|la gi)\b/;

/**
 * In "X đã cấp bao nhiêu Y", X is what the sentence prints before the number and Y after it: concepts
 * before the question word describe the text before the answer. English puts its question word first, so
 * there nothing stands before it.
 */
function markBeforeAsk(folded: string, concepts: Concept[]): void {
  const ask = ASK_WORDS.exec(folded);
  if (!ask) return;
  for (const concept of concepts) {
    const at = folded.indexOf(concept.literal);
    if (at !== -1 && at < ask.index) concept.beforeAsk = true;
  }
}

const COUNT_ASK: Record<"vi" | "en", RegExp> = {
  vi: /\b(bao nhieu|may)\b(?! tinh)/,
  en: /\bhow (?:many|much)\b/,
};

/**
 * A question says which of several figures it counts around its question word: Vietnamese puts the
 * action right before it ("đã hoàn thành được bao nhiêu nhiệm vụ", "chủ trì mấy dịch vụ"), both
 * languages say after the counted noun what it is ("bao nhiêu trường chưa được số hóa", "how many
 * villages still had no mobile signal"). Among figures of one sentence (`Đã hoàn thành 436 nhiệm vụ,
 * đang triển khai 497 nhiệm vụ`; `2.311 trường đã số hóa, … 1.801 trường chưa được số hóa`) those words
 * tell them apart.
 */
function markAskedAction(
  question: string,
  concepts: Concept[],
  counted: Concept | undefined,
  lang: "vi" | "en",
): void {
  const pattern = COUNT_ASK[lang];
  const clause = question
    .split(/[,;:.?!]/)
    .map((part) => ` ${foldPhrase(part)} `)
    .find((part) => pattern.test(part));
  const ask = clause ? pattern.exec(clause) : null;
  if (!clause || !ask) return;
  let nearest: { concept: Concept; end: number } | undefined;
  for (const concept of lang === "vi" ? concepts : []) {
    const at = clause.lastIndexOf(` ${concept.literal} `, ask.index - concept.literal.length - 1);
    const end = at + concept.literal.length + 1;
    if (at === -1 || ask.index - end > 12) continue;
    if (!nearest || end > nearest.end) nearest = { concept, end };
  }
  if (nearest) nearest.concept.asksAction = true;
  const countedAt = counted ? clause.indexOf(` ${counted.literal} `, ask.index) : -1;
  if (!counted || countedAt === -1) return;
  const tail = clause.slice(countedAt + counted.literal.length + 1);
  for (const concept of concepts) {
    if (concept === counted || !tail.includes(` ${concept.literal} `)) continue;
    // "By how much did the number of accounts grow": the verb is the change asked, as "tăng thêm" before
    // "bao nhiêu" is, not a word describing what is counted.
    if (lang === "en" && CHANGE_VERB.test(concept.literal)) concept.asksAction = true;
    else concept.describesCounted = true;
  }
}

// A number that names something ("Đề án 06", "Kế hoạch số 51", "Nghị quyết 57", "51/KH-UBND", "mức 2",
// "Trung tâm dữ liệu quốc gia số 1", "khoản 1 Điều 6") is part of a name, not a quantity the question gives.
const NAME_BEFORE_NUMBER = new RegExp(
  `(?:\\b(?:${CITED_DOCUMENT_KINDS}|de an|project|ke hoach|kh|plan|bao cao|bc|report|nq|nd|qd|ct|tt|cv|tb|(?<!\\bdanh )muc|level|dieu|khoan|article|clause)\\s*(?:so\\s*)?|(?<!\\b(?:tong|trong) )\\bso\\s*)$`,
);
const YEAR = /^(?:19|20)\d{2}$/;
// A cited document's number without its code: "Quyết định 766", "nq 175", "Luật số 91".
const CITED_NUMBER = new RegExp(
  `\\b(?:${CITED_DOCUMENT_KINDS}|qd|nq|nd|ct)\\s+(?:so\\s+)?(\\d+)\\b(?![/.,-]?\\d|\\s*\\/)`,
  "g",
);
// "Trung tâm dữ liệu quốc gia số 2", "National Data Center No. 2": not a document's number ("Kế hoạch
// số 51"), a share ("tỷ lệ số") or "trong số 16" (of the 16).
const NAMED_NUMBER = new RegExp(
  `(?<!\\b(?:${CITED_DOCUMENT_KINDS}|trong|con|tong|ti le|ty le|ke hoach|bao cao|to trinh|plan|report|notice|document)\\s)\\b(?:so|no\\.?|number)\\s*(\\d{1,2})\\b(?![/.,]\\d|\\s*\\/)`,
  "g",
);
const VERSION_BEFORE = /\b(?:phien ban|version)\s*$/;
// "290/BC-TCTTKĐA", "179/2025/NĐ-CP", "13/2023": a document's number; "38/53" is a ratio the question gives.
const DOCUMENT_NUMBER_AFTER = /^\s*\/\s*(?:\p{L}|\d+\s*\/|(?:19|20)\d{2}(?!\d))/u;

/** Counts an English question spells out ("for five ministries"); "one" is rarely a count. */
const ENGLISH_NUMBERS = [
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const ENGLISH_COUNT = new RegExp(
  `\\b(${ENGLISH_NUMBERS.join("|")})\\s+(?!of\\b|or\\b|and\\b|to\\b)[a-z]`,
  "g",
);

/**
 * The quantities a question gives (`116 CSDL`, `2.822 hệ thống`, `25 dịch vụ công`): context, never the
 * answer. The numbers of its dates and years, and of the names it cites, are neither.
 */
function givenNumbersOf(normalized: string, lang: "vi" | "en", dates: DateMention[]): string[] {
  const pattern =
    lang === "en"
      ? /(?<![\p{L}\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{L}\d])/gu
      : /(?<![\p{L}\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\p{L}\d])/gu;
  const given: string[] = [];
  for (const match of normalized.matchAll(pattern)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (YEAR.test(match[0]) || dates.some((date) => date.start < end && start < date.end)) continue;
    if (NAME_BEFORE_NUMBER.test(foldPhrase(normalized.slice(0, start)))) continue;
    if (DOCUMENT_NUMBER_AFTER.test(normalized.slice(end))) continue;
    // "version 3.0" is printed "phiên bản 3.0" in both languages: its point is no decimal point.
    if (VERSION_BEFORE.test(foldPhrase(normalized.slice(0, start))))
      given.push(/^\d+(?:\.\d+)?/.exec(normalized.slice(start))?.[0] ?? match[0]);
    else given.push(lang === "en" ? vietnameseNotation(match[0]) : match[0]);
  }
  // "approved for five ministries": the report prints "05 Bộ".
  if (lang === "en")
    for (const match of normalized.toLowerCase().matchAll(ENGLISH_COUNT))
      given.push(String(ENGLISH_NUMBERS.indexOf(match[1] ?? "") + 2));
  return given;
}

/** `2,822` → `2.822`, `87.9` → `87,9`: an English-written number as the reports print it. */
function vietnameseNotation(english: string): string {
  const [whole = "", decimals] = english.split(".");
  return `${whole.replace(/,/g, ".")}${decimals !== undefined ? `,${decimals}` : ""}`;
}

function precisionAsked(folded: string): { asksPrecision?: "day" | "month" | "quarter" | "year" } {
  const found = PRECISION_ASKED.find(([pattern]) => pattern.test(folded));
  return found ? { asksPrecision: found[1] } : {};
}

/** Reads a question into a plan the search and the answer composer follow. */
export function understandQuestion(
  question: string,
  context: QueryContext,
  options: { lang?: "vi" | "en"; asOf?: string } = {},
): QueryPlan {
  // "bao nhiêu/25" asks how many out of 25: the slash parts the question word from the total.
  // "tổ công tác/bcđ" names two things; a slash inside a document number ("57-NQ/TW", "32/CT-TTg") does not.
  const normalized = expandChatWords(normalizeText(question).trim())
    .replace(/(\p{L})\/(\d)/gu, "$1 / $2")
    .replace(/(?<![\p{L}\p{N}\-/])\p{L}+(?:\/\p{L}+)+(?![\p{L}\p{N}\-/])/gu, (words) =>
      words.replace(/\//g, " / "),
    );
  const folded = foldPhrase(normalized);
  const foldedQuestion = fold(normalized);
  const lang = options.lang ?? detectLanguage(normalized);
  // A topic alone ("tai khoan vneid", "bn dvc toan trinh") asks a figures desk for the topic's figure.
  const bareTopic = !QUESTION_WORDS.test(foldedQuestion);
  const detected = detectIntent(folded);
  const intent = bareTopic && detected === "fact" ? "figure" : detected;
  const documents = findDocumentReference(normalized, folded, context.documents);
  const dates = findDates(normalized);
  const mentions = dates.filter(
    (mention) =>
      !isReferenceDate(normalized, mention) &&
      !opensYearRange(normalized, mention) &&
      !isComparisonDate(normalized, mention),
  );
  const dateSpans = mentions.map((mention) => {
    const inFolded = foldPhrase(mention.text);
    const at = folded.indexOf(inFolded);
    return [at + 1, at + 1 + inFolded.length] as [number, number];
  });
  // A date that dates the named report ("báo cáo tháng 1/2025") picks the report, not a period.
  const timeMentions = mentions.filter((_, at) => {
    const [start, end] = dateSpans[at] ?? [0, 0];
    return !documents.spans.some(([from, to]) => start < to && end > from);
  });
  const cited = citedDocuments(normalized, folded, documents.spans, context.lexical);
  const citedSpans = cited.map(({ span }) => span);
  const conceptText = removeQuestionPhrases(
    blank(` ${folded} `, [...documents.spans, ...dateSpans.filter(([start]) => start > 0), ...citedSpans]),
  );
  const absentWords: string[] = [];
  const bodyMentions = findBodies(normalized);
  const concepts = markNamedConcepts(
    [
      ...cited.map(({ concept }) => concept),
      ...buildConcepts(conceptText, lang, context.lexical, absentWords),
      ...(intent === "date" ? citedNumbers(conceptText, context.lexical) : []),
    ],
    normalized,
    bodyMentions,
    lang,
    context.lexical,
  );
  // "As of a day" means the newest figures published up to that day.
  const time = options.asOf
    ? { iso: options.asOf, periodStart: "1900-01-01", periodEnd: options.asOf, text: options.asOf }
    : timeConstraint(normalized, timeMentions);
  const body = bodyMentions[0]?.name;
  const expects = expectedKind(folded, intent);
  markBeforeAsk(folded, concepts);
  // A bare topic ("tai khoan vneid") names the thing whose number it asks for.
  const counted = countedConcept(folded, concepts) ?? (bareTopic ? concepts[0] : undefined);
  markAskedAction(normalized, concepts, counted, lang);
  const givenNumbers = givenNumbersOf(normalized, lang, dates);
  return {
    question: normalized,
    lang,
    intent,
    latest: LATEST_WORDS.test(folded),
    docIds: documents.ids,
    overdue: OVERDUE_WORDS.test(folded),
    wantsSeveral:
      (
        folded.match(
          /\b(chiem ty le(?: bao nhieu)?|bao nhieu|how many|how much|what share|what percentage|what proportion)\b/g,
        ) ?? []
      ).length >= 2,
    asksCount: COUNT_QUESTION.test(foldedQuestion),
    countsThings: intent === "figure" && !expects && COUNTED_NOUN.test(folded),
    asksTarget: TARGET_QUESTION.test(foldedQuestion),
    asksChange: CHANGE_QUESTION.test(foldedQuestion),
    asksActual: ACTUAL_QUESTION.test(foldedQuestion),
    asksSince: SINCE_QUESTION.test(foldedQuestion),
    asksDuties: DUTY_QUESTION.test(foldedQuestion),
    bareTopic,
    asksDefinition: intent === "fact" && DEFINITION_QUESTION.test(foldedQuestion),
    ...precisionAsked(foldedQuestion),
    concepts,
    givenNumbers,
    namedNumbers: [...folded.matchAll(NAMED_NUMBER)].map((match) => match[1] ?? ""),
    unknownNames: unknownNames(normalized, bodyMentions, lang, context.lexical),
    places: placesIn(normalized),
    absentWords,
    lexicalQuery: lexicalQueryFor(concepts, normalized, hasDiacritics(normalized)),
    ...(expects ? { expects } : {}),
    ...(intent === "figure" ? perAsked(folded) : {}),
    ...(counted ? { counted } : {}),
    ...(PLACE_WORDS.test(folded)
      ? { expectsName: "place" as const }
      : BODY_WORDS.test(folded)
        ? { expectsName: "body" as const }
        : {}),
    ...(time ? { time } : {}),
    ...(body ? { body } : {}),
  };
}
