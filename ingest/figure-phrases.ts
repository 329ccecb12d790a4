import type { FigureKind } from "../core/types";
import { capWords } from "./cap-words";
import { phraseAt, withoutMarkers, wordsIn } from "./figure-clause";
import { ACTION_VERBS, AUXILIARIES, NEGATIONS, NOUN_COMPOUNDS } from "./figure-words";

/**
 * Small readers of a figure's clause shared by the measure builders: the action (verb and object) in a
 * stretch of words, the subject before a copula, whether a phrase names a body, and tidying.
 */
export interface Measure {
  text: string;
  /** The counted noun (or rate noun) the measure is about, for telling series apart. */
  head: string;
  /** What was done (`phê duyệt`, `kích hoạt`), without auxiliaries; empty when nothing was. */
  action: string;
}

export const RATE_WORDS = /^(tỷ lệ|tỷ trọng|tốc độ|mức|phần trăm|chỉ số)(?![\p{L}])/iu;
export const OWNER_FIRST_WORDS =
  /^(Bộ|Tỉnh|Thành phố|TP\.?|Văn phòng|Tập đoàn|Ngân hàng|Tòa án|Toà án|Viện|Ủy ban|UBND|Sở|Cục|Bảo hiểm|Ban|Tổng cục|Kho bạc|Đài|Thông tấn xã|Công an|Hội|Trung tâm|Tổng công ty|Thanh tra|Kiểm toán|Học viện|Đại học|Điện lực|Công ty|Chi cục|Quỹ|Liên đoàn|Bưu điện)(?![\p{L}])/u;
export const BARE_OWNERS =
  /^(?:các\s+)?(?:bộ, ngành|bộ, cơ quan|bộ ngành|địa phương|khối bộ|khối tỉnh|khối địa phương|bộ|ngành|tỉnh|cấp tỉnh|cấp huyện|cấp xã|trung ương)$/iu;
const NOT_IN_NAMES =
  /(?:^|\s)(?:đã|đang|được|sẽ|là|có|đạt|chưa|còn|với|cho|phát động|triển khai|thực hiện|chiếm)(?:\s|$)|[“"”:]/iu;
export const LEADING_FILLERS =
  /^(?:(?:trong đó|riêng|cụ thể|đồng thời|bên cạnh đó|ngoài ra|qua đó|theo đó|tổng cộng|hiện nay|hiện tại|đến nay|hiện|và|như|kết quả đạt được|gồm|bao gồm|có|dự kiến|giúp|góp phần|nâng|các|những|nhờ đó|do đó|vì vậy)\s*,?\s*:?\s*)+/iu;
const TRAILING_FILLERS =
  /(?:\s+(?:hiện nay|đến nay|hiện tại|(?<!(?:thực|xuất|thể|phát)\s+)hiện|đã|cũng|được|thêm|trung bình|tổng cộng|chỉ|mới|là|đạt))+$/iu;
const CAUSATIVE = /^(?:giúp|góp phần|giúp cho|để)\s+/u;
/** `hoàn thành cấp` is `cấp`; a lead verb before another names no action of its own. */
const LEAD_VERBS = new Set([
  "hoàn thành",
  "thực hiện",
  "tiến hành",
  "triển khai",
  "tổ chức",
  "tích cực",
  "yêu cầu",
  "chỉ đạo",
  "đề nghị",
  "làm căn cứ",
]);
const MAX_ACTION_WORDS = 10;
const MAX_SUBJECT_WORDS = 24;

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function tidy(text: string): string {
  return withoutMarkers(text)
    .replace(/\s*,\s*$/u, "")
    .replace(/^[\s,:;–-]+/u, "")
    .replace(/[\s:;,–-]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Joins the parts of a measure; a part the text already holds (`trên Cổng Dịch vụ công quốc gia`) is said once. */
export function compose(...parts: Array<string | undefined>): string {
  let text = "";
  for (const part of parts) {
    const trimmed = part?.trim() ?? "";
    if (!trimmed || (trimmed.length >= 8 && text.includes(trimmed))) continue;
    text = text ? `${text} ${trimmed}` : trimmed;
  }
  return tidy(text);
}

/** A clause-initial capital is not part of the phrase: `Tiếp nhận` → `tiếp nhận`; acronyms keep theirs. */
export function lowerFirst(text: string): string {
  const [first = "", second = ""] = words(text);
  if (!/^\p{Lu}\p{Ll}+[,]?$/u.test(first) || !/^\p{Ll}/u.test(second)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function rate(kind: FigureKind, text: string): string {
  if (kind !== "percent" || !text || RATE_WORDS.test(text)) return text;
  return `tỷ lệ ${text}`;
}

export function withoutRate(text: string): string {
  return text.replace(RATE_WORDS, "").trim();
}

export function measureOf(text: string, head: string, action = ""): Measure {
  return { text: tidy(lowerFirst(text)), head: tidy(head), action: tidy(action).toLowerCase() };
}

export interface Action {
  /** The verb and its object: `kết nối, chia sẻ dữ liệu`, `chưa kết nối Kho quản lý dữ liệu`. */
  action: string;
  /** The verb alone, negation kept: `kết nối, chia sẻ`, `chưa kết nối`. */
  verb: string;
  /** The first verb of a chain, for telling series apart: `kết nối`. */
  firstVerb: string;
  /** The object after the verb: `dữ liệu`. */
  object: string;
  /** The words before the verb and its auxiliaries: the subject. */
  subject: string;
}

const NO_ACTION: Action = { action: "", verb: "", firstVerb: "", object: "", subject: "" };

/** Each word's verb span (0 when it starts no verb), with nouns like `trợ cấp`, `chi phí` never read as verbs. */
function verbSpans(all: Array<{ text: string }>): number[] {
  const spans = all.map(() => 0);
  for (let index = 0; index < all.length; index++) {
    const compound = phraseAt(all, index, NOUN_COMPOUNDS);
    if (compound > 0) {
      index += compound - 1;
      continue;
    }
    // `Bộ Xây dựng`, `Chuyển động 24h`: a capitalised word inside a phrase is a name, not a verb.
    if (index > 0 && /^\p{Lu}/u.test(all[index]?.text ?? "") && !/^[,;:(]$/u.test(all[index - 1]?.text ?? ""))
      continue;
    const span = phraseAt(all, index, ACTION_VERBS);
    if (span > 0) {
      spans[index] = span;
      index += span - 1;
    }
  }
  return spans;
}

function verbAt(all: Array<{ text: string }>, spans: number[], index: number): string {
  return all
    .slice(index, index + (spans[index] ?? 0))
    .map((word) => word.text.toLowerCase())
    .join(" ");
}

/** Where the verbs that act stand: every verb but a lead verb followed by another (`hoàn thành cấp`). */
function actingVerbs(all: Array<{ text: string }>, spans: number[]): number[] {
  const found: number[] = [];
  for (let index = 0; index < all.length; index++) {
    const span = spans[index] ?? 0;
    if (span === 0) continue;
    if (LEAD_VERBS.has(verbAt(all, spans, index)) && (spans[index + span] ?? 0) > 0) continue;
    found.push(index);
  }
  return found;
}

/**
 * The action in a stretch of words: from the last verb that acts on the figure (with the verbs chained
 * before it: `đề xuất ban hành`, `kết nối, chia sẻ`) to the end, and a negation before it kept.
 */
export function actionOf(text: string): Action {
  const cleaned = tidy(text).replace(/\s+(?:được|đã)$/u, "");
  const all = wordsIn(cleaned);
  const spans = verbSpans(all);
  const last = actingVerbs(all, spans).at(-1) ?? -1;
  if (last === -1) return { ...NO_ACTION, subject: cleaned };
  // Verbs chained right before it, directly or after a comma: `kết nối, chia sẻ, xác thực, làm sạch`.
  let first = last;
  for (;;) {
    const before = first - 1;
    const commaBefore = all[before]?.text === "," ? before - 1 : before;
    const start = spans.findIndex((span, index) => span > 0 && index + span - 1 === commaBefore);
    if (start === -1) break;
    if (LEAD_VERBS.has(verbAt(all, spans, start))) break;
    first = start;
  }
  let negated = false;
  for (let index = first - 1; index >= 0; index--) {
    const word = all[index]?.text.toLowerCase() ?? "";
    // A quoted name (`Mô hình “5 không”`) ends the search: its words negate nothing.
    if (/^[”"]/u.test(cleaned.slice(all[index]?.end ?? 0))) break;
    if (NEGATIONS.includes(word)) {
      negated = true;
      break;
    }
    const leadStart =
      (spans[index] ?? 0) > 0 ? index : index > 0 && (spans[index - 1] ?? 0) > 1 ? index - 1 : -1;
    const lead =
      leadStart === -1
        ? ""
        : all
            .slice(leadStart, leadStart + (spans[leadStart] ?? 0))
            .map((one) => one.text.toLowerCase())
            .join(" ");
    if (!LEAD_VERBS.has(lead) && !AUXILIARIES.includes(word)) break;
  }
  const firstWord = all[first] as { start: number };
  const lastSpan = spans[last] ?? 1;
  const verbEnd = (all[last + lastSpan - 1] as { end: number }).end;
  const verb = cleaned.slice(firstWord.start, verbEnd);
  const action = capWords(cleaned.slice(firstWord.start).replace(CAUSATIVE, ""), MAX_ACTION_WORDS);
  const prefix = negated ? "chưa " : "";
  let subjectEnd = firstWord.start;
  const auxiliaryTail =
    /(?:\s|^)(?:(?:đã|đang|sẽ|được|vẫn|cũng|đều|tiếp tục|chưa|không|hoàn thành|thực hiện|triển khai|tiến hành|giúp|góp phần|tích cực)\s+)+$/iu.exec(
      cleaned.slice(0, subjectEnd),
    );
  if (auxiliaryTail) subjectEnd -= auxiliaryTail[0].length;
  return {
    action: tidy(lowerFirst(prefix + action)),
    verb: tidy(prefix + verb).toLowerCase(),
    firstVerb: all
      .slice(first, first + (spans[first] ?? 1))
      .map((word) => word.text.toLowerCase())
      .join(" "),
    object: tidy(cleaned.slice(verbEnd)),
    subject: tidy(cleaned.slice(0, Math.max(0, subjectEnd))),
  };
}

/** The main action of a clause: its first verb that is not a lead verb, with what follows. */
export function firstActionOf(text: string): string {
  const cleaned = tidy(text);
  const all = wordsIn(cleaned);
  const first = actingVerbs(all, verbSpans(all))[0];
  if (first === undefined) return "";
  return capWords(cleaned.slice((all[first] as { start: number }).start), MAX_ACTION_WORDS);
}

/**
 * `tổng số đối tượng đã được chi trả` → `đối tượng đã được chi trả`; `Bộ Tài chính đã hoàn thành phân bổ
 * dự toán …` → `dự toán …`. `tổng số tiền` keeps its noun.
 */
export function subjectOf(text: string): string {
  let subject = tidy(text).replace(LEADING_FILLERS, "").replace(TRAILING_FILLERS, "");
  // A subject that opens with a body and its verb names the verb's object: `Bộ Tài chính đã phân bổ dự toán`.
  subject = objectOfLeadingVerb(subject);
  subject = subject
    .replace(LEADING_FILLERS, "")
    .replace(/^(?:tổng\s+)?số\s+lượng\s+/iu, "")
    .replace(/^(?:tổng\s+)?số\s+(?!tiền|lượt|hóa|thu)/iu, "")
    .replace(/^tổng\s+(?=kinh phí)/iu, "");
  return capWords(tidy(subject), MAX_SUBJECT_WORDS);
}

/**
 * `Bộ Tài chính đã hoàn thành phân bổ dự toán …` → `dự toán …`: when a phrase opens with an optional body,
 * auxiliaries and a verb, what it names is the verb's object.
 */
export function objectOfLeadingVerb(text: string): string {
  const all = wordsIn(text);
  const spans = verbSpans(all);
  let index = 0;
  // An optional body: capitalised words and their lowercase continuations up to an auxiliary or a verb.
  if (/^\p{Lu}/u.test(all[0]?.text ?? "") && OWNER_FIRST_WORDS.test(text)) {
    while (
      index < all.length &&
      (spans[index] ?? 0) === 0 &&
      !AUXILIARIES.includes(all[index]?.text.toLowerCase() ?? "")
    )
      index++;
    if (index >= all.length) return text;
  }
  let sawVerb = false;
  for (;;) {
    const word = all[index]?.text.toLowerCase() ?? "";
    if (AUXILIARIES.includes(word) || NEGATIONS.includes(word)) {
      index++;
      continue;
    }
    const span = spans[index] ?? 0;
    if (span === 0) break;
    sawVerb = true;
    index += span;
    // `trình cấp có thẩm quyền bổ sung`: a verb's object that is a body, then the main verb.
    if (all[index]?.text === "cấp" && all[index + 1]?.text === "có") index += 4;
  }
  const rest = all[index];
  if (!sawVerb || !rest || /^(?:qua|với|cho|tại|trên|trong|từ|về|theo)$/u.test(rest.text)) return text;
  return tidy(text.slice(rest.start));
}

/** Whether a phrase names a body or a place: `Bộ Y tế`, `Thanh Hóa`, `TP. Hà Nội`, `địa phương`. */
export function isOwner(text: string): boolean {
  const trimmed = tidy(text);
  if (!trimmed || words(trimmed).length > 12) return false;
  if (BARE_OWNERS.test(trimmed)) return true;
  if (NOT_IN_NAMES.test(trimmed)) return false;
  if (OWNER_FIRST_WORDS.test(trimmed)) return true;
  // A place name: every word capitalised (`Thanh Hóa`, `Điện Biên`, `TP. Hà Nội`).
  return words(trimmed).every((word) => /^\p{Lu}/u.test(word) || word === "và");
}

/** `tỷ lệ hồ sơ trực tuyến của bộ, ngành` → head `tỷ lệ hồ sơ trực tuyến`, owner `bộ, ngành`. */
export function splitOwner(text: string): { head: string; owner?: string } {
  const match = /^(.*\S)\s+(?:của|tại)\s+(?:các\s+)?(.+)$/u.exec(text);
  if (!match?.[1] || !match[2] || !isOwner(match[2])) return { head: text };
  return { head: match[1], owner: match[2] };
}
