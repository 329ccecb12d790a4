import { capWords } from "./cap-words";
import { ACTION_VERBS, NOUN_COMPOUNDS, NOUN_ENDS, PREDICATE_ENDS, PREDICATE_STARTS } from "./figure-words";

/**
 * Reading the clause around a figure: where it starts and ends, the parenthesis it sits in, the counted
 * noun after it and the predicate that follows. Offsets are into the sentence.
 */

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾]+/gu;
/** Words that, after a comma, continue a coordinated noun (`bộ, ngành`, `tỉnh, thành phố`). */
const COORDINATED_NOUNS = new Set([
  "ngành",
  "cơ quan",
  "thành phố",
  "địa phương",
  "đơn vị",
  "doanh nghiệp",
  "cá nhân",
  "tổ chức",
  "viên chức",
  "công chức",
  "người lao động",
  "hộ kinh doanh",
  "trợ cấp",
  "hộ",
  "chữa bệnh",
  "xác thực",
  "chia sẻ",
  "ngân hàng",
  "cơ sở dữ liệu",
  "lực lượng vũ trang",
  "sinh viên",
  "hoàn thiện",
  "thụ hưởng",
  "khai thác",
  "làm sạch",
  "xử lý vi phạm",
  "quyết định",
  "giấy tờ",
  "hộ tịch",
  "lực lượng",
  "lệ phí",
  "chương trình",
  "sử dụng",
  "bảo quản",
  "lưu trữ",
]);
/** Kinds of document a counted noun can be defined by: `116 CSDL theo Nghị quyết 71/NQ-CP`. */
const DOCUMENT_WORDS =
  /^(?:Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Thông tư|Nghị định|Luật|Công văn|Thông báo|Đề án)$/u;
const MAX_NOUN_WORDS = 9;
const MAX_PREDICATE_WORDS = 14;
const PREDICATE_OVERRUN = 4;
const PREPOSITIONS_BEFORE_NUMBERS = new Set(["từ", "của", "cho", "tại", "với", "trên", "gồm"]);

export function withoutMarkers(text: string): string {
  return text.replace(SUPERSCRIPTS, "").replace(/\s+/g, " ").trim();
}

/** The innermost parenthesis still open at `at`, and where it closes (the sentence end when it does not). */
export function enclosingParen(sentence: string, at: number): { open: number; close: number } | undefined {
  let depth = 0;
  for (let index = at - 1; index >= 0; index--) {
    const char = sentence[index];
    if (char === ")") depth++;
    else if (char === "(") {
      if (depth === 0) {
        const close = sentence.indexOf(")", at);
        return { open: index, close: close === -1 ? sentence.length : close };
      }
      depth--;
    }
  }
  return undefined;
}

/**
 * Where the clause holding `at` starts: after a semicolon, a colon, an open parenthesis, a list bullet
 * or a dash, whichever is nearest; commas are weighed by the readers, not here.
 */
export function clauseStart(sentence: string, at: number): number {
  const paren = enclosingParen(sentence, at);
  const base = paren ? paren.open + 1 : 0;
  let start = base;
  const before = sentence.slice(base, at);
  // A full stop before a capital or a footnote marker ends a sentence the splitter kept whole
  // (`… của Đề án 06. ⁽⁴⁾ Bố trí …`).
  const boundary = /(?:[;:]|\s[–—]\s|\)\s*[,;]?|(?<=[\p{Ll}\d)”"])\.\s+(?=[⁽⁰¹²³⁴⁵⁶⁷⁸⁹\p{Lu}]))\s*/gu;
  for (let match = boundary.exec(before); match; match = boundary.exec(before)) {
    // A dash inside a quoted name (`“Đăng ký khai tử - xóa đăng ký thường trú – trợ cấp …”`) ends nothing.
    const upTo = before.slice(0, match.index);
    if ((upTo.match(/“/gu)?.length ?? 0) > (upTo.match(/”/gu)?.length ?? 0)) continue;
    start = base + match.index + match[0].length;
  }
  // A leading bullet or list label (`- `, `+ `, `(1) `, `a) `, `4.1. `, a footnote marker) is not part of it.
  const lead =
    /^\s*(?:[-–+•»▪◦]\s*|\(\d{1,2}\)\s*|\d{1,2}\)\s*|[a-zđ]\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*|[⁽(][¹²³⁴⁵⁶⁷⁸⁹]+[⁾)]\s*)+/u.exec(
      sentence.slice(start, at),
    );
  return start + (lead ? lead[0].length : 0);
}

/** Where the clause after `from` ends: a semicolon, a colon, a parenthesis, a dash or the sentence end. */
export function clauseEnd(sentence: string, from: number): number {
  const rest = sentence.slice(from);
  const match = /[;:()]|\s[–—]\s/u.exec(rest);
  return match ? from + match.index : sentence.length;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words with their offsets; punctuation other than inner `/`, `-`, `.`, `,` of numbers is dropped. */
export function wordsIn(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}/&.-]*(?<![./-])|,/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    words.push({ text: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
  return words;
}

function lower(text: string): string {
  return withoutMarkers(text).toLowerCase();
}

/** After a comma, whether the next words continue a coordinated noun or verb (`bộ, ngành`, `tra cứu, xác thực`). */
function continuesCoordination(words: Array<{ text: string }>, commaIndex: number): boolean {
  const one = lower(words[commaIndex + 1]?.text ?? "");
  const two = `${one} ${lower(words[commaIndex + 2]?.text ?? "")}`;
  return COORDINATED_NOUNS.has(one) || COORDINATED_NOUNS.has(two);
}

/** Whether a phrase opens with a noun that continues a coordination before a comma (`… của bộ, ngành`). */
export function isCoordinatedNoun(text: string): boolean {
  const all = lower(text).replace(/[,;:]/gu, " ").split(/\s+/).filter(Boolean);
  const one = all[0] ?? "";
  const two = all.slice(0, 2).join(" ");
  return COORDINATED_NOUNS.has(one) || COORDINATED_NOUNS.has(two) || (one === "kết" && all[1] === "quả");
}

/** Phrase lists by first word, so matching a word looks at the few phrases that can start there. */
const phraseIndexes = new WeakMap<readonly string[], Map<string, string[][]>>();

function phraseIndex(phrases: readonly string[]): Map<string, string[][]> {
  let index = phraseIndexes.get(phrases);
  if (!index) {
    index = new Map();
    for (const phrase of phrases) {
      const parts = phrase.split(" ");
      const first = parts[0] ?? "";
      index.set(first, [...(index.get(first) ?? []), parts]);
    }
    phraseIndexes.set(phrases, index);
  }
  return index;
}

/** Whether the words from `index` start one of `phrases` (whole words); returns how many words it spans. */
export function phraseAt(words: Array<{ text: string }>, index: number, phrases: readonly string[]): number {
  const first = words[index];
  if (!first) return 0;
  for (const parts of phraseIndex(phrases).get(lower(first.text)) ?? []) {
    if (parts.every((part, offset) => lower(words[index + offset]?.text ?? "") === part)) return parts.length;
  }
  return 0;
}

/** Whether `text` ends with one of `phrases` as whole words; returns the phrase. */
export function endsWithPhrase(text: string, phrases: readonly string[]): string | undefined {
  const folded = lower(text.trimEnd());
  return phrases.find(
    (phrase) =>
      folded.endsWith(phrase) && /(?:^|[\s,(“"])$/u.test(folded.slice(0, folded.length - phrase.length)),
  );
}

/**
 * The counted noun printed after a figure: `tài khoản VNeID`, `dịch vụ công thiết yếu`, `bộ, ngành`,
 * `trường hợp dưới 6 tuổi`. An aside in parentheses right after the number (`15.822.260 (tăng …) thông tin
 * công dân`) is skipped; the noun ends at a predicate, a preposition, punctuation or seven words.
 */
export function countedNounAfter(sentence: string, from: number): Word | undefined {
  // `20%/năm`: what follows the slash is the rate's per, not a counted noun.
  if (/^\s*\//u.test(sentence.slice(from))) return undefined;
  let at = from;
  const aside = /^\s*\([^()]*\)\s*/u.exec(sentence.slice(at));
  if (aside && /^\s*\((?:tăng|giảm)/u.test(aside[0])) at += aside[0].length;
  const words = wordsIn(sentence.slice(at, clauseEnd(sentence, at)), at);
  const kept: Word[] = [];
  const counted = () => kept.filter((word) => word.text !== ",").length;
  for (let index = 0; index < words.length && counted() < MAX_NOUN_WORDS; index++) {
    const word = words[index] as Word;
    const previous = kept.at(-1);
    const gap = sentence.slice(previous?.end ?? at, word.start);
    // An opening quote or bracket starts an aside; a stop after the noun ends it.
    if (previous && /[“"(.;:!?]/u.test(gap)) break;
    if (!previous && /[(“"]/u.test(gap)) break;
    if (word.text === ",") {
      if (kept.length > 0 && continuesCoordination(words, index)) {
        kept.push(word);
        continue;
      }
      break;
    }
    // `hóa đơn/CSKD`, `TTHC/275.571`: a slash before a number ends the noun.
    if (/^\p{L}/u.test(word.text) && /\/\d/u.test(word.text)) {
      const cut = word.text.search(/\/\d/u);
      kept.push({ text: word.text.slice(0, cut), start: word.start, end: word.start + cut });
      break;
    }
    // A capitalised verb starts the next item of a run-on slide: `… hội cựu chiến binh Làm sạch 35,1 triệu`.
    if (
      kept.length > 0 &&
      /^\p{Lu}\p{Ll}/u.test(word.text) &&
      /^[^\p{Lu}]+$/u.test(previous?.text ?? "") &&
      phraseAt(words, index, ACTION_VERBS) > 0
    )
      break;
    // `02 đối tác VPBank và FECredit`: names listed after the noun say which ones, not what is counted.
    if (
      kept.length > 0 &&
      /^\p{Lu}/u.test(word.text) &&
      lower(words[index + 1]?.text ?? "") === "và" &&
      /^\p{Lu}/u.test(words[index + 2]?.text ?? "")
    )
      break;
    // `theo Nghị quyết 71/NQ-CP`, `tại Kế hoạch số 02-KH/BCĐTW`: the document that defines what is counted.
    if (
      kept.length > 0 &&
      /^(?:theo|tại)$/u.test(word.text) &&
      DOCUMENT_WORDS.test(`${words[index + 1]?.text ?? ""} ${words[index + 2]?.text ?? ""}`)
    ) {
      let last = index + 2;
      while (last + 1 < words.length && last - index < 5 && !/\d/u.test(words[last]?.text ?? "")) last++;
      if (!/\d/u.test(words[last]?.text ?? "")) break;
      for (let offset = index; offset <= last; offset++) kept.push(words[offset] as Word);
      break;
    }
    const bare = withoutMarkers(word.text);
    // A compound may run on from the previous word (`người có công`) or start here (`nhóm chỉ số`),
    // where its first word alone would end the noun (`chỉ`, `có`).
    const fromPrevious = previous ? phraseAt(words, index - 1, NOUN_COMPOUNDS) : 0;
    const compound = fromPrevious > 1 ? fromPrevious : phraseAt(words, index, NOUN_COMPOUNDS);
    if (compound > 1) {
      const span = fromPrevious > 1 ? compound - 1 : compound;
      for (let offset = 0; offset < span; offset++) kept.push(words[index + offset] as Word);
      index += span - 1;
      continue;
    }
    // `trường hợp dưới 6 tuổi`, `người dân từ 15 tuổi trở lên`: an age bracket belongs to the noun.
    if (
      kept.length > 0 &&
      /^(?:dưới|trên|từ)$/u.test(bare) &&
      /^\d+$/u.test(words[index + 1]?.text ?? "") &&
      /^tuổi/u.test(words[index + 2]?.text ?? "")
    ) {
      kept.push(word, words[index + 1] as Word, words[index + 2] as Word);
      index += 2;
      if (lower(words[index + 1]?.text ?? "") === "trở" && lower(words[index + 2]?.text ?? "") === "lên") {
        kept.push(words[index + 1] as Word, words[index + 2] as Word);
        index += 2;
      }
      continue;
    }
    if (!/^\p{L}/u.test(bare)) break;
    if (kept.length > 0 && phraseAt(words, index, ["liên quan đến"]) > 0) {
      kept.push(word, words[index + 1] as Word, words[index + 2] as Word);
      index += 2;
      continue;
    }
    if (phraseAt(words, index, ["đối với", "so với", "trực thuộc"]) > 0 && lower(bare) !== "trực") break;
    if (lower(bare) === "thành" && /^\d/u.test(words[index + 1]?.text ?? "")) break;
    // `lượt truy cập`, `lượt tham gia`: a count of acts names the act.
    const countsActs = kept.length === 1 && /^(?:lượt|lần)$/u.test(lower(kept[0]?.text ?? ""));
    const verbSpan =
      phraseAt(words, index, ACTION_VERBS) ||
      phraseAt(words, index, ["truy cập", "tham gia", "đăng nhập", "khám"]);
    if (countsActs && verbSpan > 0) {
      for (let offset = 0; offset < verbSpan; offset++) kept.push(words[index + offset] as Word);
      index += verbSpan - 1;
      continue;
    }
    if (phraseAt(words, index, PREDICATE_STARTS) > 0) break;
    if (NOUN_ENDS.has(lower(bare))) break;
    kept.push(word);
    if (bare !== word.text && /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/u.test(word.text)) break;
  }
  // `… Nghị quyết số 71/NQ-CP ngày 01/4/2025`: a date's lead word without its date says nothing.
  while (
    kept.at(-1)?.text === "," ||
    (kept.length > 1 &&
      /^(?:ngày|tháng|năm)$/u.test(lower(kept.at(-1)?.text ?? "")) &&
      /^\s*\d/u.test(sentence.slice(kept.at(-1)?.end ?? 0)))
  )
    kept.pop();
  const first = kept[0];
  const last = kept.at(-1);
  if (!first || !last) return undefined;
  return { text: withoutMarkers(sentence.slice(first.start, last.end)), start: first.start, end: last.end };
}

/**
 * The predicate after a counted noun, up to the clause's end, a comparison, a purpose or nine words:
 * `đã hoàn thành nâng cấp hệ thống`, `được đối chiếu sinh trắc học qua CCCD hoặc VNeID`.
 */
export function predicateAfter(sentence: string, from: number, to?: number): string {
  let start = from;
  // An aside in parentheses right after the noun (`04 bộ, ngành (Khoa học và Công nghệ; …) chưa …`) is skipped.
  const aside = /^\s*\([^()]*\)/u.exec(sentence.slice(start));
  if (aside) start += aside[0].length;
  // A rate's per (`20%/năm`, `13 giây/ 01 lượt`) belongs to the figure, not to its predicate.
  const per = /^\s*\/\s*(?:0?1\s+)?\p{L}+(?:\s+dịch)?/u.exec(sentence.slice(start));
  if (per) start += per[0].length;
  const end = Math.min(to ?? sentence.length, clauseEnd(sentence, start));
  const words = wordsIn(sentence.slice(start, end), start);
  const kept: Word[] = [];
  // `theo quy định của pháp luật được thực hiện toàn trình`: a leading modifier before the verb is skipped.
  const predicateVerb = words.findIndex(
    (word, at) => at > 0 && at < 8 && /^(?:được|đã|chưa|đang|có)$/u.test(lower(word.text)),
  );
  if (lower(words[0]?.text ?? "") === "theo" && predicateVerb > 0) words.splice(0, predicateVerb);
  if (/^(?:và|hoặc)$/u.test(lower(words[0]?.text ?? ""))) return "";
  // A capitalised verb mid-sentence starts the next item of a run-on slide (`… hội cựu chiến binh Làm sạch …`).
  const wordBefore = /(\S+)\s*$/u.exec(sentence.slice(0, start))?.[1] ?? "";
  if (
    /^\p{Lu}\p{Ll}/u.test(words[0]?.text ?? "") &&
    /^[^\p{Lu}]+$/u.test(wordBefore) &&
    phraseAt(words, 0, ACTION_VERBS) > 0
  )
    return "";
  if (phraseAt(words, 0, PREDICATE_ENDS) > 0 && !/^(?:nhằm|để|do)$/u.test(lower(words[0]?.text ?? "")))
    return "";
  const counted = () => kept.filter((word) => word.text !== ",").length;
  // A few words past the limit let a long predicate end where it breaks (see capWords).
  const readLimit = MAX_PREDICATE_WORDS + PREDICATE_OVERRUN;
  let cut = false;
  for (let index = 0; index < words.length; index++) {
    if (counted() >= readLimit) {
      cut = true;
      break;
    }
    const word = words[index] as Word;
    const partnerVerbBefore =
      /^(?:kết nối|tham mưu|phối hợp|làm việc|chia sẻ|tích hợp|khớp)$/u.test(
        kept
          .slice(-2)
          .map((one) => lower(one.text))
          .join(" "),
      ) || /^(?:khớp|nối|mưu)$/u.test(lower(kept.at(-1)?.text ?? ""));
    const hasVerb = kept.some(
      (_, at) => phraseAt(kept, at, ACTION_VERBS) > 0 || phraseAt(kept, at, PREDICATE_STARTS) > 0,
    );
    const endsHere =
      phraseAt(words, index, PREDICATE_ENDS) > 0 && !(lower(word.text) === "với" && partnerVerbBefore);
    if (kept.length > 0 && endsHere && (lower(word.text) !== "phải" || hasVerb)) break;
    // `… có hoạt động thương mại điện tử và thu về 2.917,9 tỷ đồng`: a second verb with a figure of its own.
    const ownFigureAhead = /\d/u.test(
      words
        .slice(index + 1, index + 12)
        .map((one) => one.text)
        .join(" "),
    );
    if (
      kept.length > 0 &&
      lower(word.text) === "và" &&
      phraseAt(words, index + 1, ACTION_VERBS) > 0 &&
      ownFigureAhead
    )
      break;
    if (
      /^(?:gần|hơn|trên|khoảng|tới|thành|xuống|còn)$/u.test(lower(word.text)) &&
      /^\d/u.test(words[index + 1]?.text ?? "")
    )
      break;
    if (
      kept.length > 0 &&
      /^\p{Lu}\p{Ll}/u.test(word.text) &&
      /^\p{Ll}/u.test(kept.at(-1)?.text ?? "") &&
      phraseAt(words, index, ACTION_VERBS) > 0
    )
      break;
    // `theo Nghị quyết 71/NQ-CP`: a document's code is part of the phrase.
    if (
      /^\d+[/-]\p{L}/u.test(word.text) &&
      DOCUMENT_WORDS.test(
        kept
          .slice(-2)
          .map((one) => one.text)
          .join(" "),
      )
    ) {
      kept.push(word);
      continue;
    }
    if (/^\d/u.test(word.text)) {
      // `năm 2025` stays; `thuế từ 120 nhà cung cấp`: a count inside the phrase is dropped, the phrase goes on.
      if (/^(?:19|20)\d{2}$/u.test(word.text) && lower(kept.at(-1)?.text ?? "") === "năm") {
        kept.push(word);
        continue;
      }
      // `Đề án 06`, `cấp độ 3`: a name's or a level's number is part of the phrase.
      const lastKept = kept.at(-1);
      const gapBefore = lastKept ? sentence.slice(lastKept.end, word.start) : "/";
      const namesIt =
        (/^\p{Lu}/u.test(lastKept?.text ?? "") && phraseAt(kept, kept.length - 1, ACTION_VERBS) === 0) ||
        /^(?:cấp độ|mức độ|cấp|mức|loại|hạng)$/u.test(
          kept
            .slice(-2)
            .map((one) => lower(one.text))
            .join(" "),
        ) ||
        /^(?:cấp độ|mức độ|mức|loại|hạng)$/u.test(lower(kept.at(-1)?.text ?? ""));
      if (namesIt && !gapBefore.includes("/") && /^\d{1,3}$/u.test(word.text)) {
        kept.push(word);
        continue;
      }
      const afterVerb =
        phraseAt(words, index - 1, ACTION_VERBS) === 1 || phraseAt(words, index - 2, ACTION_VERBS) === 2;
      if (PREPOSITIONS_BEFORE_NUMBERS.has(lower(kept.at(-1)?.text ?? "")) || afterVerb) {
        if (/^(?:nghìn|ngàn|triệu|tỷ)$/u.test(words[index + 1]?.text ?? "")) index++;
        continue;
      }
      break;
    }
    if (word.text === ",") {
      const next = words[index + 1];
      const isAcronym = next && /^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(next.text);
      // `đã sáp nhập, kiện toàn các Ban Chỉ đạo`: verbs coordinated like nouns share the predicate.
      const verbsJoined =
        (phraseAt(kept, kept.length - 1, ACTION_VERBS) === 1 ||
          phraseAt(kept, kept.length - 2, ACTION_VERBS) === 2) &&
        phraseAt(words, index + 1, ACTION_VERBS) > 0;
      // `về miễn, giảm phí, lệ phí …`: short items listed between commas belong together.
      const shortItem =
        /^\p{Ll}/u.test(next?.text ?? "") &&
        [2, 3].some(
          (after) =>
            words[index + after]?.text === "," &&
            words.slice(index + 1, index + after).every((one) => /^\p{Ll}+$/u.test(one.text)),
        );
      if (kept.length > 0 && (continuesCoordination(words, index) || isAcronym || verbsJoined || shortItem)) {
        kept.push(word);
        continue;
      }
      break;
    }
    kept.push(word);
  }
  while (
    kept.at(-1)?.text === "," ||
    ["và", "hoặc", "của", "với", "trên", "tại", "từ", "cho", "theo", "về", "trong"].includes(
      lower(kept.at(-1)?.text ?? ""),
    ) ||
    (/^(?:ngày|tháng|năm)$/u.test(lower(kept.at(-1)?.text ?? "")) &&
      /^\s*\d/u.test(sentence.slice(kept.at(-1)?.end ?? 0)))
  )
    kept.pop();
  const first = kept[0];
  const last = kept.at(-1);
  if (!first || !last) return "";
  const text = withoutMarkers(
    kept
      .map((word, index) => (index === 0 ? word.text : `${word.text === "," ? "" : " "}${word.text}`))
      .join(""),
  );
  return counted() > MAX_PREDICATE_WORDS || cut ? capWords(text, MAX_PREDICATE_WORDS, !cut) : text;
}
