import { type DateMention, findDates } from "../core/dates";
import { clauseAround, type Span } from "./clauses";

/**
 * Which dates in a sentence are due dates. A date is a deadline when its wording sets a limit on a task
 * (`hoàn thành trong Quý I năm 2024`, `trước ngày 01/7/2025`, `Đến hết 2025, …`, `trong dịp Tết Nguyên
 * đán`, `đảm bảo triển khai từ ngày 01/01/2026`), and not when it dates a document, reports progress
 * (`đã … trong tháng 12/2024`, `đến 8/2025 đã lắp đặt …`), sets a scope (`dự toán năm 2025`, `trong năm
 * 2024 và các năm tiếp theo`, `thực hiện thường xuyên`), names a programme (`định hướng đến năm 2030`) or
 * sets the scene (`Trong năm 2024, …`, `Để … trong Quý I/2025, …`).
 */

// Cues that make a date a due date by themselves (`trong` also needs a task verb in its clause).
const DUE_CUES = new Set([
  "truoc",
  "truoc ngay",
  "trong",
  "ngay trong",
  "trong dip",
  "den het",
  "het",
  "cham nhat",
  "cham nhat ngay",
  "cham nhat la ngay",
  "tu nay den het",
  "tu nay den",
  "den het ngay",
]);
// Cues that need a due verb in the date's own phrase: `thông qua vào kỳ họp thứ 10 (tháng 10/2025)`.
const WEAK_CUES = new Set(["vao", "den", "den ngay", "by", "before"]);
// A start date is a limit when the clause guarantees something runs from it.
const START_CUES = new Set(["tu ngay", "tu"]);

const DUE_VERBS =
  /(hoàn thành|hoàn thiện|xong|báo cáo|trình|ban hành|thông qua|phấn đấu|thời hạn|chậm nhất|hạn chót|bảo đảm|đảm bảo|triển khai|thực hiện|tổ chức|xây dựng|nhân rộng|lộ trình|dự kiến)/iu;
// Words that make a clause an order or a commitment: `đề nghị các đơn vị khẩn trương …`, `cần sớm …`.
const DIRECTIVE = /(?:^|[^\p{L}])(đề nghị|yêu cầu|giao|khẩn trương|phải|cần|cam kết)(?![\p{L}])/iu;
// The verb right before the cue decides between two dates in one clause: the completion date wins.
const STRONG_DUE =
  /(hoàn thành|xong|chậm nhất|phấn đấu|thông qua|báo cáo[^,;]{0,40})\s*(?:vào|trong|trước|đến hết)?\s*$/iu;

// `đã triển khai trong tháng 12/2024` reports a result; `đã cam kết sẽ hoàn thành trong năm 2025` and
// `đã triển khai và có lộ trình hoàn thành trong Quý I/2025` still set a limit.
const PAST = /(?:^|\s)đã\s([^;,.()]*)$/u;
const COMMITMENT = /(cam kết|lộ trình|kế hoạch|sẽ|phải)/iu;
const STATUS_AFTER = /^\s*,?\s*(?:đã|mới)\s/u;
const STATUS_BEFORE = /(đến nay|tính đến|theo dõi đến|ghi nhận)\s*$/iu;
// `thời gian ủy quyền tiếp tục tới hết năm 2025`, `Thông tư … áp dụng đến hết năm 2025`: how long
// something lasts or applies, not when a task is due.
const DURATION = /(tiếp tục|kéo dài|duy trì|còn hiệu lực|áp dụng)\s+(?:(?:tới|đến)\s*)?$/iu;
const UNTIL_CUES = new Set(["den", "den ngay", "den het", "den het ngay", "het"]);
const OPEN_ENDED = /^\s*(?:,|và)?\s*(?:các|những)\s+(?:năm|tháng|quý|giai đoạn)\s+(?:tiếp theo|sau)/iu;
const RECURRING = /(thường xuyên|hằng năm|hàng năm|định kỳ|liên tục)\s*$/iu;
// `dự toán năm 2025`, `giải ngân nguồn vốn ngân sách trong năm 2024`, `Kế hoạch triển khai … trong năm
// 2025`: a year that qualifies a plan or a budget is its fiscal or plan year.
const PLAN_YEAR =
  /(kế hoạch|dự toán|ngân sách|kinh phí|nguồn vốn)(?![^,;.()]*(?:hoàn thành|xong))[^,;.()]{0,40}$/iu;
// `Đề án … giai đoạn 2024 - 2025, định hướng đến năm 2030`, `Chỉ thị số 07/CT-TTg ngày 14/3/2025 về triển
// khai Đề án 06 trong năm 2025`: a date in the name of a programme or a cited document.
const TITLE = /(định hướng|tầm nhìn|giai đoạn)\s*$/iu;
const CITED_DOCUMENT_SUBJECT =
  /\d+[\p{L}\d.-]*\/[\p{L}\d/.-]+(?:\s+ngày\s+\d[\d/.]+)?\s+(?:về|v\/v)\s[^,;()]*$/iu;
const PURPOSE_OPENER = /^[\s\-–•+]*(?:để|nhằm)\s/iu;
// `đảm bảo triển khai từ ngày 01/01/2026`, `(đảm bảo … Luật dữ liệu có hiệu lực từ ngày 01/7/2025)`.
const GUARANTEE = /(đảm bảo|bảo đảm|đáp ứng)([^;()]*)$/iu;
const STARTS_RUNNING = /(có hiệu lực|triển khai|áp dụng|vận hành|hoạt động)\s*$/iu;
const ROADMAP = /(lộ trình|thời gian thực hiện|hoàn thành)/iu;
// `Quyết định số 75/QĐ-TTg ngày 11/01/2025`: the date a cited document was issued.
const DOCUMENT_NUMBER = /\d+\s*\/\s*[\p{L}\d][\p{L}\d\-/ ]{0,25}[\s,]*(?:ngày)?\s*$/u;

function isDocumentDate(before: string, cue: string): boolean {
  // A document's date follows its number directly; `Đề án 06/CP trong tháng 02/2025` is a limit.
  return !DUE_CUES.has(cue) && DOCUMENT_NUMBER.test(before.slice(-45));
}

function reportsProgress(before: string, after: string, cue: string): boolean {
  if (STATUS_BEFORE.test(before) || STATUS_AFTER.test(after)) return true;
  if (UNTIL_CUES.has(cue) && DURATION.test(before)) return true;
  const past = PAST.exec(before);
  // In an order, `đã` describes what the order is about: `Giao … chi trả … cho người đã có tài khoản`.
  return past !== null && !COMMITMENT.test(past[1] ?? "") && !DIRECTIVE.test(before.slice(0, past.index));
}

/** Two whole years joined by `và` in one clause are a span of work: `trong năm 2024 và trong năm 2025`. */
function isOneOfSeveralYears(clause: string, clauseStart: number, mention: DateMention, all: DateMention[]) {
  return all.some((other) => {
    if (other === mention || other.precision !== "year" || !other.cue) return false;
    const [first, second] = other.start < mention.start ? [other, mention] : [mention, other];
    const between = clause.slice(first.end - clauseStart, second.start - clauseStart);
    return /(?:^|\s)và\s/u.test(between) && !/[;.]/.test(between);
  });
}

function isScope(clause: Span & { text: string }, mention: DateMention, all: DateMention[]): boolean {
  const before = clause.text.slice(0, mention.start - clause.start);
  const after = clause.text.slice(mention.end - clause.start);
  if (OPEN_ENDED.test(after) || RECURRING.test(before)) return true;
  if (mention.precision !== "year") return false;
  const inClause = all.filter((other) => other.start >= clause.start && other.end <= clause.end);
  return PLAN_YEAR.test(before) || isOneOfSeveralYears(clause.text, clause.start, mention, inClause);
}

function setsTheScene(sentence: string, mention: DateMention): boolean {
  // `Trong năm 2024, …` at the head of a sentence; `Đến hết 2025, …` there is a limit.
  const head = sentence.slice(0, mention.start).replace(/^[\s\-–•+]+/u, "");
  if (head === "" && mention.cue === "trong" && /^\s*,/.test(sentence.slice(mention.end))) return true;
  // `Để tiếp tục đẩy mạnh … các nhiệm vụ trong Quý I/2025 …, Tổ Công tác kính đề xuất …`
  return PURPOSE_OPENER.test(sentence) && !sentence.slice(0, mention.start).includes(",");
}

function guaranteesStart(before: string): boolean {
  const guarantee = GUARANTEE.exec(before);
  return guarantee !== null && !/\stheo\s/u.test(guarantee[2] ?? "") && STARTS_RUNNING.test(before);
}

function isDue(sentence: string, mention: DateMention, all: DateMention[]): boolean {
  const span = clauseAround(sentence, mention.start);
  const clause = { ...span, text: sentence.slice(span.start, span.end) };
  const before = sentence.slice(span.start, mention.start);
  const after = sentence.slice(mention.end, span.end);
  const cue = mention.cue;
  if (!cue) return mention.iso.includes("/") && ROADMAP.test(before);
  if (isDocumentDate(before, cue) || reportsProgress(before, after, cue)) return false;
  if (isScope(clause, mention, all) || setsTheScene(sentence, mention)) return false;
  if (TITLE.test(before) || CITED_DOCUMENT_SUBJECT.test(before)) return false;
  if (START_CUES.has(cue)) return guaranteesStart(before);
  if (cue === "trong") return DUE_VERBS.test(before) || DIRECTIVE.test(before);
  if (DUE_CUES.has(cue)) return true;
  // `…, trình Quốc hội cho ý kiến … vào kỳ họp thứ 9 (tháng 5/2025)`: the verb of the date's own phrase.
  if (WEAK_CUES.has(cue)) return DUE_VERBS.test(before.slice(before.lastIndexOf(",") + 1));
  return false;
}

function strength(sentence: string, mention: DateMention): number {
  return STRONG_DUE.test(sentence.slice(Math.max(0, mention.start - 60), mention.start)) ? 2 : 1;
}

/**
 * `Ban hành Kế hoạch … trong năm 2024, hoàn thành trong tháng 01 năm 2024`: a date whose period holds a
 * stronger (or equal, later) due date of the same clause describes that task. Dates that do not hold
 * each other are separate limits: `trình … vào kỳ họp thứ 9 (tháng 5/2025), thông qua vào kỳ họp thứ 10`.
 */
function isOutranked(sentence: string, mention: DateMention, due: DateMention[]): boolean {
  const clause = clauseAround(sentence, mention.start);
  const mine = strength(sentence, mention);
  return due.some((other) => {
    if (other === mention || other.start < clause.start || other.start >= clause.end) return false;
    const within = other.periodStart >= mention.periodStart && other.periodEnd <= mention.periodEnd;
    if (!within) return false;
    const theirs = strength(sentence, other);
    if (other.dueDate === mention.dueDate)
      return theirs > mine || (theirs === mine && other.start > mention.start);
    return theirs >= mine;
  });
}

/** The due dates a sentence sets, left to right. */
export function dueDatesIn(sentence: string): DateMention[] {
  const mentions = findDates(sentence);
  const due = mentions.filter((mention) => isDue(sentence, mention, mentions));
  return due.filter((mention) => !isOutranked(sentence, mention, due));
}
