import { type DateMention, endOfIsoPeriod } from "../core/dates";
import type { FigureKind } from "../core/types";
import { datesIn as findDates } from "./dates-in";
import { clauseEnd, clauseStart, enclosingParen } from "./figure-clause";
import type { ReadFigure } from "./figure-measure";
import { actionOf } from "./figure-phrases";
import { CHANGE_VERBS, PROJECTION_WORDS, RESULT_WORDS, TARGET_REFERENCE, TARGET_WORDS } from "./figure-words";

/**
 * Whether a figure is a result, a goal, a change, a projection or an earlier value, read from the words
 * around it: `chỉ tiêu`, `phấn đấu`, `phải` and a deadline make a goal; `tăng`, `giảm` or a change in
 * parentheses make a change; `dự kiến`, `sẽ` a projection; `trước đây`, `so với` or `từ N … xuống còn M`
 * make N an earlier value.
 */
export interface FigureFlags {
  target: boolean;
  change: boolean;
  projected: boolean;
  earlier: boolean;
}

export interface FlagContext {
  sentence: string;
  /** The document's as-of date: a deadline after it makes a goal. */
  documentAsOf: string;
  /** Headings above the sentence: a figure under `NHIỆM VỤ, GIẢI PHÁP` is asked for, not achieved. */
  sectionPath: string[];
  /** The figure's qualifier verb (`tăng`, `giảm`, `vượt`), as read before the number. */
  verb?: string;
  qualifier?: string;
}

export const DIRECTIVE_HEADING = /(NHIỆM VỤ|GIẢI PHÁP|KIẾN NGHỊ|ĐỀ XUẤT|PHƯƠNG HƯỚNG|MỤC TIÊU)/u;
const GOAL_QUALIFIERS = new Set(["ít nhất", "tối thiểu", "tối đa"]);
const DEADLINE_CUES = new Set([
  "truoc ngay",
  "truoc",
  "den het",
  "den het ngay",
  "cham nhat",
  "cham nhat la ngay",
  "trong",
  "den",
  "tu nay den het",
]);
/** A validity period (`áp dụng đến hết năm 2025`) is not a deadline. */
const VALIDITY_BEFORE = /(?:áp dụng|hiệu lực|kéo dài|thời hạn)\s*$/iu;
const EARLIER_BEFORE = /(?:trước đây|trước kia|so với)\s*(?:mức\s+)?$/iu;
const CONTRAST = /(?:^|[\s,])(?:nhưng|tuy nhiên|song|thực tế)(?=[\s,])/iu;
const EARLIER_OPENING = /^\s*(?:[-+•]\s*)?(?:trước đây|trước kia|trước năm \d{4})\s*,?\s+[^,;]*$/iu;
const COUNTING_GOALS = /^(?:nhóm\s+)?(?:mục tiêu|chỉ tiêu|nhiệm vụ)/iu;
/** The `;`-separated part of the sentence around `at`, parentheses kept. */
function semicolonClause(sentence: string, at: number): { start: number; end: number } {
  const start = sentence.lastIndexOf(";", at - 1) + 1;
  const end = sentence.indexOf(";", at);
  return { start, end: end === -1 ? sentence.length : end };
}

/** The comma-bounded stretch around a figure: its own words, not a neighbour's. */
function commaClause(sentence: string, figure: ReadFigure): { start: number; end: number } {
  const start = clauseStart(sentence, figure.start);
  const from = figure.nounEnd ?? figure.end;
  let end = clauseEnd(sentence, from);
  const comma = sentence.indexOf(",", from);
  if (comma !== -1 && comma < end) end = comma;
  return { start, end };
}

function withoutParentheses(text: string): string {
  return text.replace(/\([^()]*\)/gu, " ");
}

const TARGET_WORDS_ALL = new RegExp(TARGET_WORDS.source, "giu");

/** A goal named before the figure (`chỉ tiêu … là 100%`), not merely pointed at (`theo lộ trình đề ra`). */
function namedGoalBefore(sentence: string, figure: ReadFigure): boolean {
  const paren = enclosingParen(sentence, figure.start);
  const from = paren ? paren.open + 1 : 0;
  const before = withoutParentheses(sentence.slice(from, figure.start));
  const pattern = TARGET_WORDS_ALL;
  pattern.lastIndex = 0;
  let lastGoal = -1;
  for (let match = pattern.exec(before); match; match = pattern.exec(before)) {
    const wordStart = match.index + match[0].length - (match[1]?.length ?? 0);
    if (TARGET_REFERENCE.test(before.slice(0, wordStart))) continue;
    lastGoal = match.index + match[0].length;
  }
  if (lastGoal === -1) return false;
  return !RESULT_WORDS.test(before.slice(lastGoal));
}

function isFuture(date: DateMention, documentAsOf: string): boolean {
  return endOfIsoPeriod(date.iso) > endOfIsoPeriod(documentAsOf);
}

/** A future due date in the figure's own clause, or opening the sentence (`Đến hết 2025, …`). */
function hasDeadline(sentence: string, figure: ReadFigure, documentAsOf: string): boolean {
  const clause = commaClause(sentence, figure);
  return findDates(sentence).some((date) => {
    if (!date.cue || !DEADLINE_CUES.has(date.cue) || !isFuture(date, documentAsOf)) return false;
    if (VALIDITY_BEFORE.test(sentence.slice(0, date.start))) return false;
    const opensSentence = date.start < 12 && /^\s*,/u.test(sentence.slice(date.end));
    return opensSentence || (date.start >= clause.start && date.start <= clause.end);
  });
}

function isGoalShaped(kind: FigureKind, qualifier: string | undefined): boolean {
  return kind === "percent" || kind === "ratio" || GOAL_QUALIFIERS.has(qualifier ?? "");
}

function isProjected(sentence: string, figure: ReadFigure): boolean {
  const clause = semicolonClause(sentence, figure.start);
  const own = commaClause(sentence, figure);
  // `… đã cam kết sẽ hoàn thành …, nhưng thực tế … chỉ có 53/105 CSDL`: a contrast ends the expectation.
  const before = sentence.slice(clause.start, figure.start).split(CONTRAST).at(-1) ?? "";
  const after = sentence.slice(figure.end, own.end);
  return PROJECTION_WORDS.test(before) || PROJECTION_WORDS.test(after);
}

function isTarget(figure: ReadFigure, context: FlagContext, projected: boolean): boolean {
  const { sentence, documentAsOf } = context;
  if (COUNTING_GOALS.test(figure.measure.head) || TARGET_WORDS.test(` ${figure.measure.action} `))
    return false;
  const own = commaClause(sentence, figure);
  const ownWords = sentence.slice(own.start, own.end);
  if (RESULT_WORDS.test(withoutParentheses(sentence.slice(own.start, figure.start)))) return false;
  if (namedGoalBefore(sentence, figure)) return true;
  if (projected || /(?:^|\s)đã\s/u.test(sentence.slice(figure.end, own.end))) return false;
  // `phải đạt 80%`, `phấn đấu đạt trên 40 triệu`: reaching the figure is asked for.
  if (
    /(?:phải|cần|phấn đấu)\s+(?:đạt|đạt được|bảo đảm|đảm bảo)?\s*$/iu.test(
      sentence.slice(own.start, figure.start),
    )
  )
    return true;
  // `phải phát triển ngay 02 nền tảng`: a modal and its verb right before the figure ask for it
  // (`chỉ cần bố trí 01 cán bộ` says how few are needed, a result).
  const modalVerb = /(?:^|\s)(?:phải|(?<!chỉ\s)cần)\s+((?:[^\s\d,;]+\s+){1,4})$/iu.exec(
    sentence.slice(own.start, figure.start),
  );
  if (modalVerb?.[1] && actionOf(modalVerb[1]).verb) return true;
  if (!isGoalShaped(figure.kind, context.qualifier)) return false;
  // `yêu cầu 100% cán bộ … chỉ thực hiện dịch vụ công trực tuyến`: a level someone is required to reach.
  if (/(?:^|\s)yêu cầu\s*$/iu.test(sentence.slice(own.start, figure.start))) return true;
  const modal = /(?:^|\s)(?:phải|cần đạt)(?:\s|$)/iu.test(ownWords);
  const directive = context.sectionPath.some((heading) => DIRECTIVE_HEADING.test(heading.toUpperCase()));
  return (
    modal || hasDeadline(sentence, figure, documentAsOf) || (directive && !/(?:^|\s)đã\s/u.test(ownWords))
  );
}

function isEarlier(sentence: string, figure: ReadFigure, laterOnes: ReadFigure[]): boolean {
  if (figure.relation === "earlier") return true;
  if (laterOnes.some((later) => later.relation === "now")) return true;
  // `Trước đây người dân phải thực hiện 5 bước, …`: the clause opens on an earlier time.
  const clause = sentence.slice(clauseStart(sentence, figure.start), figure.start);
  const commaClause = clause.slice(clause.lastIndexOf(",") + 1);
  if (EARLIER_OPENING.test(commaClause) || EARLIER_OPENING.test(clause)) return true;
  return (
    EARLIER_BEFORE.test(clause) && !/^\s*(?:đến|tới)\s/iu.test(sentence.slice(figure.nounEnd ?? figure.end))
  );
}

/** `Doanh thu dự kiến tăng đối với các hãng hàng không là 250 triệu đô/năm`: the figure is the increase. */
function isIncreaseSubject(sentence: string, figure: ReadFigure): boolean {
  return /(?:^|\s)(?:tăng|giảm)(?!\s+(?:cường|trưởng))(?:\s+thêm)?\s[^,;]{0,60}\s(?:là|ở mức)\s*$/iu.test(
    sentence.slice(clauseStart(sentence, figure.start), figure.start),
  );
}

/** The flags of every figure in a sentence; a figure qualifying another inherits its projection. */
export function flagsOf(figures: ReadFigure[], contexts: FlagContext[]): FigureFlags[] {
  const flags: FigureFlags[] = [];
  figures.forEach((figure, index) => {
    const context = contexts[index] as FlagContext;
    const { sentence } = context;
    const parent = figure.parent !== undefined ? flags[figure.parent] : undefined;
    const projected =
      isProjected(sentence, figure) || Boolean(parent?.projected && figure.relation !== "change");
    const laterOnes = figures.filter((other) => other.parent === index);
    // `cắt giảm 1.027/1.084 thủ tục`: the items cut are counted, not a change of a level.
    const countsItemsCut =
      context.verb === "cắt giảm" &&
      (figure.kind === "count" || figure.kind === "ratio") &&
      !/^(?:ngày|tháng|năm|tuần|giờ|phút|giây|lần|bước)(?:\s|$)/u.test(figure.noun ?? "");
    const verbChange =
      (CHANGE_VERBS.has(context.verb ?? "") && !countsItemsCut) ||
      /(?:tăng|nâng cao|nâng lên)\s+gấp\s*$/iu.test(sentence.slice(0, figure.start));
    const change =
      isIncreaseSubject(sentence, figure) ||
      figure.relation === "change" ||
      figure.relation === "beyond-target" ||
      verbChange ||
      (figure.relation === "conversion" && Boolean(parent?.change));
    const earlier =
      !change &&
      (isEarlier(sentence, figure, laterOnes) || Boolean(parent?.earlier && figure.relation === "range"));
    const target =
      !change &&
      !earlier &&
      (isTarget(figure, context, projected) ||
        Boolean(parent?.target && (figure.relation === "conversion" || figure.relation === "range")));
    flags.push({ target, change, projected, earlier });
  });
  return flags;
}
