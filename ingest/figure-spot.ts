import type { FigureKind } from "../core/types";
import {
  clauseStart,
  countedNounAfter,
  enclosingParen,
  isCoordinatedNoun,
  phraseAt,
  predicateAfter,
  wordsIn,
} from "./figure-clause";
import { actionOf, LEADING_FILLERS, type Measure, tidy } from "./figure-phrases";
import { ACTION_VERBS, NOUN_COMPOUNDS, NOUN_ENDS, PREDICATE_STARTS } from "./figure-words";

/**
 * A figure in its sentence while the sentence's measures are read left to right, and what it shares with
 * the figures before it: the words of a list it continues, the figure it qualifies.
 */

/** How a figure depends on an earlier one in its sentence. */
export type Relation =
  | "change"
  | "share"
  | "conversion"
  | "amount"
  | "now"
  | "range"
  | "earlier"
  | "beyond-target"
  | "restated";

export interface SentenceFigure {
  /** Offsets in the sentence: the figure as printed (qualifier included), and the number alone. */
  start: number;
  end: number;
  numberStart: number;
  kind: FigureKind;
  unit?: string;
  /** The verb printed as the figure's qualifier: `tăng`, `giảm`, `vượt`, `đạt`. */
  verb?: string;
}

export interface ReadFigure extends SentenceFigure {
  measure: Measure;
  /** The earlier figure this one qualifies, by index in the sentence. */
  parent?: number;
  relation?: Relation;
  /** Where the printed counted noun ends, when there is one. */
  nounEnd?: number;
  /** The counted noun as printed. */
  noun?: string;
}

export interface SentenceContext {
  /** In a footnote: the measure of the figure the footnote details, by the detail's counted noun. */
  footnoteParent?: (noun: string) => Measure | undefined;
  /** A scope the sentence opens with: `trong lĩnh vực ngân hàng`. */
  scope?: string;
  /** The sentence is (part of) a footnote. */
  isFootnote?: boolean;
  /** The label its paragraph opens with: `Đối tượng bảo trợ xã hội` of `+ Đối tượng bảo trợ xã hội: …`. */
  label?: string;
}

export interface Spot {
  sentence: string;
  figure: SentenceFigure;
  index: number;
  all: SentenceFigure[];
  done: ReadFigure[];
  context: SentenceContext;
}

/** The words before each read figure, for the figures of a list that continue it. */
export const sharedLefts = new WeakMap<ReadFigure, string>();

/** The figure a qualifying figure belongs to: the last one before `limit` that is not itself a qualifier. */
export function parentBefore(done: ReadFigure[], limit: number, kind?: FigureKind): number | undefined {
  for (let index = done.length - 1; index >= 0; index--) {
    const candidate = done[index] as ReadFigure;
    if (candidate.end > limit || (candidate.relation && candidate.relation !== "restated")) continue;
    if (kind && candidate.kind !== kind) continue;
    return index;
  }
  return undefined;
}

/** `Tỷ lệ … của bộ, ngành`: the words after a comma join the ones before when they continue a coordinated noun. */
function lastCommaSegment(left: string): string {
  const segments = left.split(/\s*,\s*/u);
  let tail = segments.pop() ?? "";
  while (segments.length > 0) {
    const previous = segments.at(-1) ?? "";
    // `kết nối, tích hợp với`: verbs coordinated like nouns.
    const verbsJoined = startsWithVerb(tail) && endsWithVerb(previous);
    if ((!isCoordinatedNoun(tail) && !verbsJoined) || /[\d)]$/u.test(previous)) break;
    tail = `${segments.pop()}, ${tail}`;
  }
  return tail;
}

function startsWithVerb(text: string): boolean {
  return phraseAt(wordsIn(text.toLowerCase()), 0, ACTION_VERBS) > 0;
}

function endsWithVerb(text: string): boolean {
  const all = wordsIn(text.toLowerCase());
  return (
    phraseAt(all, all.length - 1, ACTION_VERBS) === 1 || phraseAt(all, all.length - 2, ACTION_VERBS) === 2
  );
}

/** A list the figure continues: only `,`, `;`, `và`, `trong đó (có)`, `gồm:` between it and the figure before. */
function continuesList(spot: Spot): ReadFigure | undefined {
  const index = parentBefore(spot.done, spot.figure.start);
  const previous = index === undefined ? undefined : spot.done[index];
  if (!previous) return undefined;
  const between = spot.sentence
    .slice(previous.nounEnd ?? previous.end, spot.figure.start)
    .replace(/\([^()]*\)/gu, " ");
  const plainList = /^[\s,;]*(?:và\s+|trong đó\s*,?\s*:?\s*(?:có\s+)?)?[\s:]*$/iu.test(between);
  const breakdown = /(?:^|,)\s*(?:bao\s+)?gồm\s*:?\s*$/iu.test(between);
  // `12 nghìn lượt trong thang máy, 1,79 triệu lượt tại các Sân bay`: the same noun again after the
  // previous figure's own place or qualifier is a parallel item of one list.
  const parallel =
    /^[^,;:()]{0,60}(?:,\s*(?:và\s+)?|\svà\s+)$/u.test(between) &&
    Boolean(previous.noun) &&
    countedNounAfter(spot.sentence, spot.figure.end)?.text === previous.noun;
  return plainList || breakdown || parallel ? previous : undefined;
}

/**
 * A figure opening an aside lists what the words before it name: `(08 nhiệm vụ chung và 49 …)` after
 * `triển khai 57 nhiệm vụ trọng tâm` shares that figure's words; `Tham mưu xây dựng các dự thảo (03 Nghị
 * định, 01 Quyết định)` gives its verb.
 */
function asideLeft(spot: Spot): string | undefined {
  const { sentence, figure, done } = spot;
  const paren = enclosingParen(sentence, figure.start);
  if (!paren || sentence.slice(paren.open + 1, figure.start).trim() !== "") return undefined;
  // `(05 nhóm tiện ích của Đề án 06 cơ bản hoàn thành, …)`: an aside with its own verb says its own thing.
  const ownEnd = countedNounAfter(sentence, figure.end)?.end ?? figure.end;
  const ownWords = sentence.slice(ownEnd, paren.close).split(/[,;]/u)[0] ?? "";
  if (actionOf(ownWords).verb) return undefined;
  const detailed = done.findLast(
    (candidate) => candidate.end <= paren.open && (candidate.nounEnd ?? candidate.end) >= paren.open - 3,
  );
  if (detailed) return sharedLefts.get(detailed) ?? "";
  return actionOf(sentence.slice(clauseStart(sentence, paren.open), paren.open)).verb;
}

/**
 * `… người được cấp chứng chỉ hành nghề chứng khoán Số hóa được`: a run-on slide starts each item with a
 * capitalised verb; the figure's words begin at the last one. A name holding a verb (`Ban Chỉ đạo`) is no
 * item start.
 */
function fromLastSlideItem(tail: string): string {
  const all = wordsIn(tail);
  for (let index = all.length - 1; index > 0; index--) {
    const word = all[index] as { text: string; start: number };
    if (!/^\p{Lu}\p{Ll}/u.test(word.text) || phraseAt(all, index, ACTION_VERBS) === 0) continue;
    const previous = all[index - 1] as { text: string; end: number };
    // After a title-case word (`Bộ Xây dựng`, `Hệ thống Quản lý`) or a preposition (`cho Chuyển đổi số`)
    // the capital belongs to a name.
    if (/^\p{Lu}\p{Ll}/u.test(previous.text) || NOUN_ENDS.has(previous.text.toLowerCase())) continue;
    // `Hệ thống Quản lý văn bản`, `tính năng Góp ý Hiến pháp`: a name runs on across the capital.
    const span = phraseAt(all, index, ACTION_VERBS);
    if (
      /^\p{Lu}\p{Ll}/u.test(all[index - 2]?.text ?? "") ||
      /^\p{Lu}\p{Ll}/u.test(all[index + span]?.text ?? "")
    )
      continue;
    if (phraseAt(all, index - 1, NOUN_COMPOUNDS) > 1) continue;
    // After a stop or an opening quote (`“Đăng ký khai tử …”`) a capital is expected, not an item start.
    if (/[.:;(“"]/u.test(tail.slice(previous.end, word.start))) continue;
    const item = tail.slice(word.start);
    return item.charAt(0).toLowerCase() + item.slice(1);
  }
  return tail;
}

export interface Left {
  /** The words before the figure that say what it is. */
  tail: string;
  /** The figure whose words these are, when the figure continues its list. */
  sharedWith?: ReadFigure;
}

/**
 * The words before a figure that say what it is: from the clause start or the figure before it (after
 * that figure's own predicate, cut at a comma or `và`), or those of the list the figure continues.
 */
export function leftOf(spot: Spot): Left {
  const { sentence, figure, done } = spot;
  const aside = asideLeft(spot);
  if (aside !== undefined) return { tail: aside };
  const clause = clauseStart(sentence, figure.start);
  // The words before the figure start after the last figure read, a qualifying one included
  // (`từ 25 ngày xuống còn 10 ngày làm việc, tiết kiệm được 1,6 tỷ đồng`).
  const lastRead = done.filter((one) => one.end <= figure.start).at(-1);
  const afterPrevious = lastRead ? Math.max(lastRead.nounEnd ?? lastRead.end, lastRead.end) : 0;
  let tail: string;
  if (lastRead && afterPrevious > clause) {
    const region = sentence.slice(afterPrevious, figure.start).replace(/\([^()]*\)/gu, " ");
    const afterStop = region.split(/;/u).pop() ?? "";
    tail = /,\s*$/u.test(afterStop) ? "" : lastCommaSegment(tidy(afterStop.split(/\svà\s/u).pop() ?? ""));
  } else {
    const raw = sentence.slice(clause, figure.start);
    tail = /,\s*$/u.test(raw) ? "" : lastCommaSegment(tidy(raw));
  }
  tail = fromLastSlideItem(tail).replace(
    /(?:\s+(?:trung bình|tổng cộng|tổng số|chỉ|mới|thêm|ở mức|được|khoảng|gần|hơn|trên|ước|xấp xỉ))+$/iu,
    "",
  );
  if (tail.replace(LEADING_FILLERS, "").trim()) return { tail };
  const listed = continuesList(spot);
  if (!listed) return { tail: "" };
  return { tail: sharedLefts.get(listed) ?? "", sharedWith: listed };
}

/** The predicate of the last of several coordinated figures, shared by the first. */
export function skippedPredicate(spot: Spot, nounEnd: number | undefined): string {
  const { sentence, all, index } = spot;
  let from = nounEnd ?? spot.figure.end;
  let skipped = false;
  for (let next = index + 1; next < all.length; next++) {
    const following = all[next] as SentenceFigure;
    if (!/^[\s,]*(?:và\s+)?$/u.test(sentence.slice(from, following.start))) break;
    from = countedNounAfter(sentence, following.end)?.end ?? following.end;
    skipped = true;
  }
  if (!skipped) return "";
  const shared = predicateAfter(sentence, from);
  // Only a real predicate is shared: `… và 12 nhiệm vụ của địa phương` describes the last noun alone.
  const first = shared.split(/\s+/)[0]?.toLowerCase() ?? "";
  const isPredicate =
    PREDICATE_STARTS.some((start) => start.split(" ")[0] === first) || /^(?:trên|tại)$/u.test(first);
  return isPredicate ? shared : "";
}
