/**
 * Numbers that are not figures: labels and codes (`Nghị quyết 175`, `290/BC-TCTTKĐA`, `4.0`, `5G`, list
 * numbers), parts of dates and names (`tháng 01`, `Quốc khánh 2/9`, `kỷ niệm 80 năm`, `Chiến dịch 15 ngày
 * đêm`, `mô hình “4 lớp”`, `chính quyền 2 cấp`), slogans in quotes (`“3 tăng – 3 giảm”`), titles in
 * capitals (`02 NĂM TRIỂN KHAI`), counting words (`cùng 01 cấp`, `/ 01 ngày`) and time frames
 * (`trong 04 năm triển khai`, `hơn 3 năm qua`).
 */

// A number right after these words names a document, an article, an edition, a rank or a date part; a
// list ("danh mục 154 thủ tục") counts its items.
const REFERENCE_BEFORE =
  /(?:^|[\s(“"])(?:(?<!(?:tổng|dân|con)\s)số|nghị quyết|nghị định|quyết định|chỉ thị|thông tư|công điện|kế hoạch|thông báo|công văn|văn bản|tờ trình|luật|điều|khoản|(?<!dứt )điểm|(?<!danh )mục|phụ lục|trang|chương|đề án|kỳ họp thứ|lần thứ|khóa|lần|phiên bản|mùa|lớp|hạng|top|nhóm|cấp độ|mức độ|mức|tổ công tác|kết luận|hội nghị|tổ|giai đoạn|quý|chỉ tiêu|covid-|version|tháng|ngày|kỷ niệm|quốc khánh|chiến dịch|phong trào|cuộc thi|chương trình|nghị quyết số)\s*$/iu;
const ORDINAL_BEFORE = /(?:^|\s)thứ\s*$/u;
/** `cùng 01 cấp`, `mỗi 1 người`, `/ 01 ngày`: the number is the word "one", or a rate's "per". */
const COUNTING_WORD_BEFORE = /(?:(?:^|\s)(?:cùng|mỗi|từng)|\/)\s*$/iu;
/** `02 cấp` of `chính quyền địa phương 02 cấp`: a structure's name, not a count. */
const LEVELS_NAME_AFTER = /^\s*cấp(?:\s*$|\s*[).,;:(]|\s+chính quyền)/u;
/** `trong 04 năm triển khai`, `hơn 3 năm qua`, `sơ kết 01 năm thực hiện`: a time frame or an event's name. */
const TIME_FRAME_AFTER = /^\s*(?:năm|tháng)\s+(?:qua|triển khai|thực hiện|hoạt động)(?![\p{L}])/u;
const TIME_FRAME_BEFORE = /(?:^|[\s(,])(?:trong|sau|gần|suốt)\s+(?:hơn\s+|gần\s+)?$/iu;
const TIME_FRAME_UNIT = /^\s*(?:năm|tháng)\s*[,.;:]/u;
/** Longest quoted name or slogan whose numbers are not figures; longer quotes cite a text. */
const MAX_QUOTED_NAME_WORDS = 30;

function isYearLike(printed: string): boolean {
  const value = Number(printed);
  return /^\d{4}$/.test(printed) && value >= 1945 && value <= 2050;
}

/** A title line: most of its letters are capitals (`KẾT LUẬN HỘI NGHỊ … 02 NĂM TRIỂN KHAI`). */
function isTitleLine(sentence: string): boolean {
  const letters = sentence.replace(/[^\p{L}]/gu, "");
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length >= 0.8;
}

/** True when `at` sits inside a short quotation: a name or a slogan (`“3 tăng – 3 giảm”`, `"3 Nhà"`). */
function insideQuotedName(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const curlyOpen = before.lastIndexOf("“");
  const straightQuotes = (before.match(/"/g) ?? []).length;
  let open = -1;
  let close = -1;
  if (curlyOpen !== -1 && before.lastIndexOf("”") < curlyOpen) {
    open = curlyOpen;
    close = sentence.indexOf("”", at);
  } else if (straightQuotes % 2 === 1) {
    open = before.lastIndexOf('"');
    close = sentence.indexOf('"', at);
  }
  if (open === -1) return false;
  const quoted = sentence.slice(open + 1, close === -1 ? sentence.length : close);
  return quoted.trim().split(/\s+/).length <= MAX_QUOTED_NAME_WORDS;
}

/** `xây dựng 01 mô hình mẫu` among tasks: `01` is the article "one", not a count. */
function isArticleOne(
  sentence: string,
  number: { start: number; printed: string },
  inDirective: boolean,
): boolean {
  if (!inDirective || !/^0?1$/u.test(number.printed)) return false;
  const before = sentence.slice(0, number.start);
  const clause = before.slice(
    Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1,
  );
  return !/(?:^|\s)(?:đã|còn|có|hiện|chậm)(?:\s|$)/iu.test(clause);
}

/** `5 nhóm vấn đề: …; 04 xuyên suốt: …; 3 giá trị: …`: numbers naming the parts of a slogan or framework. */
const FRAMEWORK_ITEM =
  /(?:^|[;,.:]\s*|\s[-–]\s*)(?:[-–+•]\s*)?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*)?(\d{1,2})\s+(?:[\p{L}]+\s+){0,2}[\p{L}]+\s*:/gu;
/** `- 2 mục tiêu: Nhận thức đúng …`: one such part on a line of its own. */
const FRAMEWORK_LINE =
  /^\s*(?:[-–+•]\s*)?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*)?(?:gồm\s*:\s*)?\d{1,2}\s+(?:[\p{L}]+\s+){0,2}(?<!gồm\s|như\s|là\s)[\p{L}]+\s*:\s*\S/iu;

function isFrameworkPart(sentence: string, start: number): boolean {
  const items = [...sentence.matchAll(FRAMEWORK_ITEM)];
  if (items.length >= 3)
    return items.some((item) => (item.index ?? 0) + item[0].indexOf(item[1] ?? "") === start);
  if (!FRAMEWORK_LINE.test(sentence)) return false;
  const firstNumber = sentence.search(/\d/u);
  const label = sentence.slice(firstNumber).split(":")[0] ?? "";
  return firstNumber === start && !/(?:gồm|như|là)\s*$/u.test(label);
}

/** `6 rõ “rõ người, rõ việc, …”`: a count named by a slogan that repeats its word. */
function isSloganCount(after: string): boolean {
  const match = /^\s*(\p{L}+)\s*[“"]([^”"]*)/u.exec(after);
  if (!match?.[1] || !match[2]) return false;
  return match[2].split(match[1]).length - 1 >= 2;
}

/** `(6 tháng, hàng năm)`: a schedule, not a duration that was measured. */
const SCHEDULE_AFTER = /^\s*(?:tháng|năm|quý|tuần)\s*,\s*(?:hàng|hằng)\s+(?:năm|quý|tháng|tuần)/u;

/** The number is a label, a code, part of a date or a name, or a counting word rather than a quantity. */
export function isNotAFigure(
  sentence: string,
  number: { start: number; end: number; printed: string; isRatio: boolean; hasScaleOrPercent: boolean },
  figureStart: number,
  inDirective = false,
): boolean {
  const { start, end } = number;
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (REFERENCE_BEFORE.test(before)) return true;
  if (!number.isRatio && ORDINAL_BEFORE.test(before)) return true;
  if (COUNTING_WORD_BEFORE.test(before)) return true;
  if (!number.hasScaleOrPercent && !number.isRatio && isYearLike(number.printed)) return true;
  // Codes and versions: `5G`, `4.0`, `57-NQ/TW`, `290 /BC-TCTTKĐA`, `06/CP`, `220/380V`.
  if (/^[\p{L}\p{N}]/u.test(after)) return true;
  if (/^[.,]\d/.test(after)) return true;
  // `20%/năm`, `10.000 đồng/giao dịch` are rates, not codes.
  const isRate =
    number.hasScaleOrPercent &&
    /^\s*\/\s*(?:0?1\s+)?(?:ngày|tháng|năm|tuần|giờ|người|giao dịch|lượt|hồ sơ|thẻ)(?![\p{L}])/u.test(after);
  if ((/^\s*[/\-–]\s*\p{L}/u.test(after) && !isRate) || /^\s*[-–]\s*\d/u.test(after)) return true;
  // List labels: `(1)`, `1.` at the start of a sentence, `2)`.
  if (/\($/.test(before) && /^\)/.test(after) && /^\d{1,2}$/.test(number.printed)) return true;
  if (before.trim() === "" && /^[.)]\s/.test(after)) return true;
  if (/^\s*tuổi/u.test(after)) return true;
  if (LEVELS_NAME_AFTER.test(after)) return true;
  const beforeFigure = sentence.slice(0, figureStart);
  if (TIME_FRAME_AFTER.test(after) || (TIME_FRAME_BEFORE.test(beforeFigure) && TIME_FRAME_UNIT.test(after)))
    return true;
  if (insideQuotedName(sentence, start)) return true;
  if (isFrameworkPart(sentence, start)) return true;
  if (isSloganCount(after) || SCHEDULE_AFTER.test(after)) return true;
  if (!number.isRatio && !number.hasScaleOrPercent && isArticleOne(sentence, number, inDirective))
    return true;
  return isTitleLine(sentence);
}
