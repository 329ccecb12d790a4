import { findBodies } from "../core/bodies";
import { findDates } from "../core/dates";

/**
 * Who a clause assigns: the subject phrase that opens it, as the report prints it. Directives name one body
 * (`Bộ Y tế chủ trì, …`), several (`Bộ Công an, Văn phòng Chính phủ tiếp thu …`), a named list
 * (`14 Bộ, cơ quan: Lao động - Thương binh và Xã hội, …, Ngân hàng Nhà nước Việt Nam phối hợp …`,
 * `UBND 04 địa phương (Quảng Trị, Quảng Ngãi, …) chỉ đạo …`) or a group (`Các bộ, ngành, địa phương tập
 * trung …`, `63/63 địa phương tham mưu …`). The phrase runs from a body or a group noun to the first verb.
 */
export interface Subject {
  /** The phrase as printed, descriptive parentheses left out: `Bộ Công an, Văn phòng Chính phủ`. */
  text: string;
  /** The canonical name when the phrase is one known body (`BCA` → `Bộ Công an`), else the phrase. */
  name: string;
  /** `a) Bộ Công an: (i) …`: the subject heads a list of tasks (a lead-in), not one task. */
  leadsList: boolean;
  /** The verb that ends the subject (`chủ trì`, `kính`), absent for a lead-in or a bare heading. */
  verb?: string;
}

// Clause openers that come before the subject: list markers, topics, connectives, assignment verbs.
const LIST_MARKER = String.raw`(?:[-–+•»*]|\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,5}\.|\(\d{1,2}\)|[a-zđ]\)|\([ivx]{1,4}\)|[⁽(][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾)])`;
const OPENERS = [
  new RegExp(String.raw`^${LIST_MARKER}\s*`, "u"),
  /^đối với\s[^:;]{2,200}:\s*/iu,
  /^(?:về|đối với)\s[^,:;]{2,120}?[,:]\s*/iu,
  /^(?:trên cơ sở|căn cứ|để|nhằm)\s[^,:;]{2,200}?,\s*/iu,
  /^trong (?:thời gian|giai đoạn) (?:tới|sắp tới)\s*,?\s*/iu,
  /^(?:trong đó|theo đó|do vậy|do đó|vì vậy|vì thế|ngoài ra|đồng thời|bên cạnh đó|mặt khác|mặc dù|tuy nhiên|còn|riêng|trước mắt)(?:\s*,\s*|\s+)/iu,
  /^(?:thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám)|một là|hai là|ba là|bốn là|năm là|sáu là)\s*,\s*/iu,
  /^(?:giao(?!\s+thông)|yêu cầu|đề nghị|đề xuất|kiến nghị)\s+/iu,
];
// A time limit opening the clause: `Đến hết 2025, …`, `Phấn đấu trong năm 2025, …`.
const TIME_OPENER = /^(?:phấn đấu\s+)?/iu;

// A group that can be the subject: `các bộ, ngành`, `63/63 địa phương`, `100% các bệnh viện`, `UBND`.
const QUANTIFIER = /^(?:(?:\d+(?:[/,.]\d+)?%?|các|mỗi|những|tất cả|toàn bộ)\s+)+(?:đồng chí\s+)?/iu;
const GROUP_NOUN =
  /^(?:bộ|ngành|địa phương|đơn vị|cơ quan|tỉnh|thành phố|bệnh viện|doanh nghiệp|tập đoàn|ngân hàng|sở|tổ công tác|bộ trưởng|thủ trưởng|chủ tịch|ubnd|ủy ban nhân dân|công an)(?![\p{L}\p{N}])/iu;
// Without a quantifier only a noun that names a body by itself opens a subject (`địa phương triển khai…`).
const BARE_GROUP_NOUN =
  /^(?:địa phương|ubnd|ủy ban nhân dân|chủ tịch|thủ trưởng|bộ trưởng)(?![\p{L}\p{N}])/iu;

// The verbs, aspect words and adverbs that end a subject. Lower-case only: `Bộ Xây dựng` is a name.
const VERB =
  /^(?:chủ trì|phối hợp|triển khai|tham mưu|thực hiện|xây dựng|hoàn thành|hoàn thiện|nghiên cứu|chỉ đạo|khẩn trương|tích cực|tập trung|đảm bảo|bảo đảm|cập nhật|trình|ban hành|rà soát|đã|đang|sẽ|phải|cần|có|hiện|mới|tiếp tục|sửa đổi|báo cáo|hướng dẫn|tổ chức|đẩy mạnh|cam kết|chưa|được|tiếp thu|thông qua|bố trí|số hóa|đánh giá|kiểm tra|chủ động|nắm|quyết tâm|cung cấp|tiếp nhận|kết nối|đồng bộ|chịu trách nhiệm|làm|giải quyết|thúc đẩy|theo dõi|đôn đốc|sớm|ưu tiên|bổ sung|vận hành|duy trì|phát triển|nâng cấp|nâng cao|là|thống nhất|chuẩn bị|gửi|áp dụng|công bố|tạo lập|khắc phục|sắp xếp|bám sát|quán triệt|phát huy|không|cắt giảm|tuyên truyền|tăng cường|trực tiếp|hỗ trợ|thường xuyên|khai thác|sử dụng|lồng ghép|phê duyệt|xác định|thí điểm|ứng dụng|tích hợp|chia sẻ|đề xuất|nhanh chóng|kịp thời|quyết liệt|nghiêm túc|thẩm định|giám sát|lập|ký|điều chỉnh|bàn giao|tiến hành|kính)(?![\p{L}\p{N}])/u;
// A colon followed by a list marker or nothing ends a lead-in: `Bộ Công an: (i) …`, `… nhiệm vụ sau:`.
const LEAD_COLON = new RegExp(String.raw`^:\s*(?:$|${LIST_MARKER}(?:\s|$))`, "u");
// A parenthesis right after a count of places or bodies names them: `04 địa phương (Quảng Trị, …)`.
const COUNTED_GROUP = /\d+\s+(?:địa phương|tỉnh(?:, thành phố)?|bộ(?:, ngành)?|cơ quan|đơn vị)\s*$/iu;
const MAX_LOWERCASE_RUN = 4;
const MAX_SUBJECT_CHARS = 400;

function stripOpeners(text: string): string {
  let rest = text.trimStart();
  for (let changed = true; changed; ) {
    changed = false;
    for (const opener of OPENERS) {
      const match = opener.exec(rest);
      if (match && match[0].length > 0) {
        rest = rest.slice(match[0].length);
        changed = true;
      }
    }
    const timeLimit = timeOpenerLength(rest);
    if (timeLimit > 0) {
      rest = rest.slice(timeLimit);
      changed = true;
    }
  }
  return rest;
}

function timeOpenerLength(text: string): number {
  const lead = TIME_OPENER.exec(text)?.[0].length ?? 0;
  const date = findDates(text.slice(lead)).find((mention) => mention.start === 0);
  if (!date) return 0;
  const comma = /^\s*,\s*/.exec(text.slice(lead + date.end));
  return comma ? lead + date.end + comma[0].length : 0;
}

/** `Phối hợp với Bộ Công an …`, `⁽²⁾ Hướng dẫn UBND …`: the clause is a task without its own subject. */
export function opensWithTask(clause: string): boolean {
  const rest = stripOpeners(clause);
  return VERB.test(rest.charAt(0).toLowerCase() + rest.slice(1));
}

/** Length of the head that opens a subject: a known body, or a group noun with its quantifier. */
function headLength(text: string, bodyAt: (offset: number) => number): number {
  const quantifier = QUANTIFIER.exec(text)?.[0] ?? "";
  const body = bodyAt(quantifier.length);
  if (body > 0) return quantifier.length + body;
  const group = (quantifier ? GROUP_NOUN : BARE_GROUP_NOUN).exec(text.slice(quantifier.length));
  return group ? quantifier.length + group[0].length : 0;
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === "(") depth++;
    else if (text[at] === ")" && --depth === 0) return at;
  }
  return -1;
}

interface Scan {
  /** Where the subject ends in the opened text, and whether a verb or a lead-in colon ended it. */
  end: number;
  leadsList: boolean;
  verb?: string;
  /** Parentheses to leave out of the printed phrase. */
  dropped: Array<[number, number]>;
}

/** Reads the subject from its head to the verb that ends it; undefined when no verb ends it. */
function scanSubject(text: string, headEnd: number, bodyAt: (offset: number) => number): Scan | undefined {
  const dropped: Array<[number, number]> = [];
  let at = headEnd;
  let lowercaseRun = 0;
  while (at < text.length && at <= MAX_SUBJECT_CHARS) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const body = bodyAt(at);
    if (body > 0) {
      at += body;
      lowercaseRun = 0;
      continue;
    }
    if (LEAD_COLON.test(rest)) return { end: at, leadsList: true, dropped };
    // `TP. Hồ Chí Minh`: inside one sentence a full stop before a capital ends an abbreviation.
    if (/^(?:[,:\-–&/]|\.(?=\s*\p{Lu}))/u.test(rest)) {
      at++;
      continue;
    }
    if (rest.startsWith("(")) {
      const close = closingParenthesis(text, at);
      if (close < 0) return undefined;
      if (!COUNTED_GROUP.test(text.slice(0, at))) dropped.push([at, close + 1]);
      at = close + 1;
      continue;
    }
    const verb = VERB.exec(rest)?.[0];
    if (verb) return { end: at, leadsList: false, verb, dropped };
    const word = /^[\p{L}\p{N}%]+/u.exec(rest)?.[0];
    if (!word) return undefined;
    lowercaseRun = /^\p{Ll}/u.test(word) ? lowercaseRun + 1 : 0;
    if (lowercaseRun > MAX_LOWERCASE_RUN) return undefined;
    at += word.length;
  }
  // A heading that is only a body (`(12) Bộ Y tế`) ends without a verb.
  return at >= text.trimEnd().length && headEnd >= text.trimEnd().length
    ? { end: at, leadsList: false, dropped }
    : undefined;
}

function printed(text: string, scan: Scan): string {
  let result = "";
  let from = 0;
  for (const [start, end] of scan.dropped) {
    result += text.slice(from, start);
    from = end;
  }
  result += text.slice(from, scan.end);
  return result
    .replace(/\s+/g, " ")
    .replace(/[\s,:;\-–]+$/u, "")
    .trim();
}

/** The subject that opens the clause, after its openers (`Về …,`, `Giao`, `Đến hết 2025,`). */
export function subjectOf(clause: string): Subject | undefined {
  const opened = stripOpeners(clause);
  const bodies = findBodies(opened);
  const bodyAt = (offset: number) => {
    const mention = bodies.find((candidate) => candidate.start === offset);
    return mention ? mention.end - mention.start : 0;
  };
  const head = headLength(opened, bodyAt);
  if (head === 0) return undefined;
  const scan = scanSubject(opened, head, bodyAt);
  if (!scan) return undefined;
  const text = printed(opened, scan);
  if (!text) return undefined;
  const named = findBodies(text);
  const single = named.length === 1 && named[0]?.start === 0 && named[0].end === text.length;
  return {
    text,
    name: single && named[0] ? named[0].name : text,
    leadsList: scan.leadsList,
    ...(scan.verb ? { verb: scan.verb } : {}),
  };
}

// Inside a clause a subject follows an assignment verb or a conjunction: `…, trong đó, giao Bộ Công an …`,
// `Đối với 105 CSDL …, mặc dù các Bộ, ngành đã cam kết …`.
const EMBEDDED_SUBJECT = /(?:^|[\s,;:(])(?:giao|yêu cầu|đề nghị|mặc dù|nhưng|trong đó,?|còn)\s+/giu;

/** A subject inside the clause rather than at its head: after `giao`, `yêu cầu`, `mặc dù`, `trong đó`… */
export function embeddedSubject(text: string): Subject | undefined {
  for (const match of text.matchAll(EMBEDDED_SUBJECT)) {
    const subject = subjectOf(text.slice(match.index + match[0].length));
    if (subject) return subject;
  }
  return undefined;
}
