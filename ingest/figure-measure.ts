import { capWords } from "./cap-words";
import {
  clauseStart,
  countedNounAfter,
  enclosingParen,
  endsWithPhrase,
  predicateAfter,
} from "./figure-clause";
import {
  BARE_OWNERS,
  compose,
  isOwner,
  lowerFirst,
  type Measure,
  measureOf,
  OWNER_FIRST_WORDS,
  rate,
  splitOwner,
  tidy,
  withoutRate,
  words,
} from "./figure-phrases";
import {
  leftOf,
  parentBefore,
  type ReadFigure,
  type Relation,
  type SentenceContext,
  type SentenceFigure,
  type Spot,
  sharedLefts,
} from "./figure-spot";
import { DURATION_NOUN } from "./figure-words";
import { measureFromClause } from "./measure-from-clause";

/**
 * What a figure counts, as a short phrase built from its clause: the counted noun and what was done to it
 * (`tài khoản VNeID được phê duyệt`), the subject a copula names (`tỷ lệ hồ sơ trực tuyến của bộ, ngành`),
 * whose it is in a breakdown (`TTHC chậm tiến độ của Bộ Y tế`) and, for a figure that only qualifies another
 * one (a change in parentheses, a share, a conversion, an amount), the measure of the figure it qualifies.
 */
export type { Measure } from "./figure-phrases";
export type { ReadFigure, Relation, SentenceContext, SentenceFigure } from "./figure-spot";

const CHANGE_ASIDE =
  /^\s*(?:tăng thêm|tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)(?:\s+(?:khoảng|hơn|trên|gần|thêm))?\s*$/iu;
const BEYOND_TARGET_ASIDE = /^\s*vượt(?:\s+(?:khoảng|hơn|trên|gần))?\s*$/iu;
const SHARE_ASIDE = /^\s*(?:(?:chiếm|đạt|bằng)(?:\s+tỷ lệ)?\s*)?(?:khoảng\s+|~)?$/iu;
const CONVERSION_BEFORE =
  /(?:tương đương|tương ứng|tức là|tương đương với|tương ứng với)\s*(?:khoảng\s+|~)?$/iu;
const NOW_CONTRAST = /(?:^|[\s,])(?:nay|hiện nay|bây giờ)\s+(?:chỉ\s+)?(?:còn|rút xuống còn|giảm còn)\s*$/iu;
const NOW_BEFORE = /(?:xuống còn|còn|thành|xuống|lên)\s*$/iu;
const DELAY_BEFORE = /(?:chậm tiến độ|chậm|trễ hạn|quá hạn)\s*$/iu;
const MAX_TASK_WORDS = 16;

function related(done: ReadFigure[], index: number, relation: Relation, text?: string) {
  const parent = done[index] as ReadFigure;
  return { measure: { ...parent.measure, ...(text !== undefined ? { text } : {}) }, parent: index, relation };
}

/**
 * A change of the figure before: the same measure, except that a percentage change of a count or an
 * amount names the change (`doanh thu … 25 tỷ USD, tăng khoảng 20%` → `tỷ lệ tăng doanh thu …`).
 */
function changeOf(done: ReadFigure[], index: number, figure: SentenceFigure, words: string) {
  const parent = done[index] as ReadFigure;
  const verb = /(?:^|\s)(tăng|giảm)(?:\s|$)/u.exec(words)?.[1];
  if (figure.kind !== "percent" || parent.kind === "percent" || !verb) return related(done, index, "change");
  return related(done, index, "change", compose("tỷ lệ", verb, withoutRate(parent.measure.text)));
}

/** The noun right before an aside: `.922 hệ thống (68,1%)` → `hệ thống`. */
function nounBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const start = Math.max(
    ...[...":;,(".split("")].map((mark) => before.lastIndexOf(mark)),
    before.search(/\d[^\d]*$/u),
  );
  return tidy(before.slice(start + 1).replace(/^[\d.,\s]+/u, ""));
}

/**
 * The figure an aside qualifies: the nearest before it, unless that one only counts the owners of an
 * earlier figure in the same clause (`2.407.040 hồ sơ của 36 bộ, ngành và 63 địa phương (đạt tỷ lệ
 * 100%)`: the share is of the records, not of the localities).
 */
function ownedParentBefore(spot: Spot, limit: number): number | undefined {
  const { sentence, done } = spot;
  const nearest = parentBefore(done, limit);
  if (nearest === undefined || !isOwner((done[nearest] as ReadFigure).noun ?? "")) return nearest;
  const from = clauseStart(sentence, limit);
  for (let index = nearest - 1; index >= 0; index--) {
    const candidate = done[index] as ReadFigure;
    if (candidate.start < from) break;
    if (candidate.relation && candidate.relation !== "restated") continue;
    if (candidate.kind !== "percent" && !isOwner(candidate.noun ?? "")) return index;
  }
  return nearest;
}

/** A figure in an aside that only qualifies the figure before it: a change, a target overrun, a share. */
function asideQualifier(spot: Spot): Pick<ReadFigure, "measure" | "parent" | "relation"> | undefined {
  const { sentence, figure, done } = spot;
  const paren = enclosingParen(sentence, figure.start);
  if (!paren) return undefined;
  const opening = sentence.slice(paren.open + 1, figure.numberStart);
  const openingWords = sentence.slice(paren.open + 1, figure.start);
  const index = ownedParentBefore(spot, paren.open);
  const parent = index === undefined ? undefined : done[index];
  if (parent && index !== undefined) {
    if (CHANGE_ASIDE.test(opening)) return changeOf(done, index, figure, opening);
    if (BEYOND_TARGET_ASIDE.test(opening)) {
      // `67 triệu tài khoản (vượt 225% chỉ tiêu)`: a percentage over a count's goal names the overrun.
      const overrun =
        figure.kind === "percent" && parent.kind !== "percent"
          ? compose("tỷ lệ vượt chỉ tiêu", withoutRate(parent.measure.text))
          : `${parent.measure.text} so với chỉ tiêu`;
      return related(done, index, "beyond-target", overrun);
    }
    const gap = sentence.slice(parent.nounEnd ?? parent.end, paren.open);
    // The owners' counts between the figure and its aside (`của 36 bộ, ngành và 63 địa phương`) belong to it.
    const skippedOwners = index !== parentBefore(done, paren.open);
    const adjacent =
      gap.trim().length < (skippedOwners ? 80 : 60) &&
      !/[:;()]/u.test(gap) &&
      (skippedOwners || !/\d/u.test(gap));
    if (figure.kind === "percent" && parent.kind !== "percent" && SHARE_ASIDE.test(openingWords) && adjacent)
      return related(done, index, "share", rate("percent", withoutRate(parent.measure.text)));
    if (parent.kind === "percent" && openingWords.trim() === "" && figure.kind !== "percent" && adjacent) {
      // `Tỷ lệ khai thác, sử dụng lại … đạt 4,18% (11.520/275.598 hồ sơ)`: the counts name what they count.
      const rateOf = withoutRate(parent.measure.text);
      const noun = countedNounAfter(sentence, figure.end)?.text ?? "";
      const named = noun && !rateOf.toLowerCase().includes((noun.split(/\s+/)[0] ?? "").toLowerCase());
      return related(done, index, "share", named ? compose(noun, rateOf) : rateOf);
    }
  }
  if (
    figure.kind === "percent" &&
    /^\s*(?:ước|khoảng|~)?\s*$/u.test(openingWords) &&
    !/^\s*\)/u.test(sentence.slice(figure.end))
  ) {
    // `Nhóm giải pháp … (ước ~50% tổng doanh thu – …)`: the share of the whole the words before the aside take.
    const whole = countedNounAfter(sentence, figure.end)?.text;
    const part = tidy(sentence.slice(clauseStart(sentence, paren.open), paren.open));
    if (whole && part && !/\d/u.test(part) && part.split(/\s+/).length <= 12)
      return { measure: measureOf(compose("tỷ lệ", part, "trong", whole), part) };
  }
  if (figure.kind === "percent" && openingWords.trim() === "" && /^\s*\)/u.test(sentence.slice(figure.end))) {
    // `.922 hệ thống (68,1%) đang sử dụng tốt`: the share of the noun before the aside.
    const noun = nounBefore(sentence, paren.open);
    if (noun && !isOwner(noun)) {
      const predicate = predicateAfter(sentence, paren.close + 1);
      return { measure: measureOf(rate("percent", compose(noun, predicate)), noun) };
    }
  }
  return undefined;
}

/** A figure that restates, converts, bounds or completes the one before it in the same clause. */
function inlineQualifier(
  spot: Spot,
  noun: string | undefined,
): Pick<ReadFigure, "measure" | "parent" | "relation"> | undefined {
  const { sentence, figure, done } = spot;
  const index = parentBefore(done, figure.start);
  if (index === undefined) return undefined;
  const parent = done[index] as ReadFigure;
  const between = sentence.slice(parent.end, figure.start);
  if (between.includes(";")) return undefined;
  const before = sentence.slice(clauseStart(sentence, figure.start), figure.start);
  const parentClause = sentence.slice(clauseStart(sentence, parent.start), parent.start);
  if (CONVERSION_BEFORE.test(before)) {
    if (parent.kind === figure.kind && (!noun || noun === parent.noun || figure.kind === "money"))
      return related(done, index, "conversion");
    if (figure.kind === "money") {
      // `~50% tổng doanh thu – tương đương 1.250 tỷ đồng`: the amount of the part the share is of.
      const share = /^tỷ lệ (.+) trong (.+)$/u.exec(parent.measure.text);
      const text =
        share?.[1] && share[2]
          ? `${share[2].replace(/^tổng\s+/u, "")} của ${share[1]}`
          : `số tiền ${withoutRate(parent.measure.text)}`;
      return related(done, index, "amount", text);
    }
  }
  if (/(?:^|\s)đến\s*$/u.test(before) && /(?:^|\s)từ\s*$/u.test(parentClause))
    return related(done, index, "range");
  if (
    (NOW_BEFORE.test(before) && /(?:^|\s)từ\s*$/u.test(parentClause)) ||
    /(?:xuống còn|giảm còn|xuống)\s*$/u.test(before) ||
    // `… 5 bước, nay chỉ còn 2 bước`: the same noun now.
    (NOW_CONTRAST.test(before) && noun !== undefined && noun === parent.noun)
  )
    return related(done, index, "now");
  if (/(?:^|\s)so với\s*$/u.test(before) && figure.kind === parent.kind)
    return related(done, index, "earlier");
  if (
    figure.kind === "percent" &&
    /,?\s*(?:chiếm|bằng)(?:\s+tỷ lệ)?\s*$/iu.test(between) &&
    !/[;:]/u.test(between)
  )
    return related(done, index, "share", rate("percent", withoutRate(parent.measure.text)));
  const changeVerb = figure.verb === "tăng" || figure.verb === "giảm" || figure.verb === "tăng thêm";
  const betweenNoun = sentence
    .slice(parent.nounEnd ?? parent.end, figure.start)
    .replace(/\s*(?:tăng thêm|tăng|giảm)\s*$/u, "");
  if (changeVerb && /so với/u.test(sentence.slice(figure.end, figure.end + 60))) {
    const sameKind = parentBefore(done, figure.start, figure.kind);
    if (sameKind !== undefined && !noun?.match(/^(?:bậc|hạng)$/u))
      return changeOf(done, sameKind, figure, figure.verb ?? "");
  }
  if (changeVerb && /^\s*,\s*$/u.test(betweenNoun)) return changeOf(done, index, figure, figure.verb ?? "");
  if (
    figure.kind === "money" &&
    endsWithPhrase(before, ["với", "với số tiền", "với tổng số tiền", "với kinh phí"])
  ) {
    return related(done, index, "amount", compose("số tiền", withoutRate(parent.measure.text)));
  }
  return undefined;
}

/** `Thanh Hóa (32.236 hồ sơ khai sinh, 5.459 hồ sơ khai tử)`, `²⁸ Bộ Công an 12 CSDL; …`: whose the figure is. */
function ownerOf(spot: Spot, nounEnd: number | undefined): string | undefined {
  const { sentence, figure } = spot;
  const paren = enclosingParen(sentence, figure.start);
  const firstInParen = paren ? spot.all.find((other) => other.start > paren.open) : undefined;
  if (paren && firstInParen && /^\s*$/u.test(sentence.slice(paren.open + 1, firstInParen.start))) {
    const before = sentence.slice(0, paren.open);
    const start = Math.max(before.lastIndexOf(";"), before.lastIndexOf(","), before.lastIndexOf(":")) + 1;
    const name = tidy(before.slice(start).replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+/u, ""));
    return isOwner(name) && !BARE_OWNERS.test(name) ? name : undefined;
  }
  // Outside parentheses, only a list of bodies (`Bộ Công an 12 CSDL; Bộ Tài chính 08 CSDL`) names owners.
  const itemEnds = /^\s*(?:[;,.]|$|và\s)/u.test(
    sentence.slice(nounEnd ?? figure.end).replace(/^\s*\([^()]*\)/u, ""),
  );
  if (!itemEnds) return undefined;
  const before = sentence.slice(0, figure.start);
  const stop = Math.max(
    before.lastIndexOf(";"),
    before.lastIndexOf(":"),
    spot.context.isFootnote ? before.lastIndexOf(",") : -1,
  );
  if (stop === -1 && !spot.context.isFootnote) return undefined;
  let name = tidy(
    before
      .slice(stop + 1)
      .replace(/\([^()]*\)/gu, " ")
      .replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+/u, ""),
  );
  if (spot.context.isFootnote) name = tidy(name.replace(/\s*(?:[-–]\s*)?(?:mỗi\s+\S+\s+)?(?:có|còn)$/u, ""));
  if (!name || BARE_OWNERS.test(name)) return undefined;
  if (OWNER_FIRST_WORDS.test(name) && isOwner(name)) return name;
  // In a footnote a list may name bodies without their title: `các Bộ: Y tế, Xây dựng - mỗi bộ còn 01`.
  if (!spot.context.isFootnote) return undefined;
  const listed = tidy(
    before
      .slice(Math.max(before.lastIndexOf(":"), before.lastIndexOf(";")) + 1)
      .replace(/\s*(?:[-–]\s*)?(?:mỗi\s+\S+\s+)?(?:có|còn)\s*$/u, ""),
  );
  const candidate = isOwner(name) ? name : listed;
  return /^\p{Lu}/u.test(candidate) &&
    candidate.split(/\s+/).length <= 8 &&
    !/(?:^|\s)(?:đã|đang|được|là)(?:\s|$)/u.test(candidate)
    ? candidate
    : undefined;
}

/** A list item in a sentence whose lead-in names the measure: `… tỷ lệ tích hợp … cao như: Điện Biên (33,25%)`. */
function leadInMeasure(sentence: string, kind: string, noun: string | undefined): string | undefined {
  const colon = sentence.indexOf(":");
  const leadIn = colon === -1 ? "" : sentence.slice(0, colon);
  if (kind === "percent") {
    const match = /(tỷ lệ[^,;:()]*?)(?:\s+(?:cao|thấp|lớn|nhỏ|như|gồm|là|đạt)(?![\p{L}])|$)/iu.exec(leadIn);
    return match?.[1] ? tidy(match[1]) : undefined;
  }
  return noun;
}

/** `(chậm tiến độ 06 tháng …)` after a task: the delay of that task. */
function delayMeasure(spot: Spot, noun: string | undefined): Measure | undefined {
  const { sentence, figure } = spot;
  if (!noun || !DURATION_NOUN.test(noun)) return undefined;
  const before = sentence.slice(0, figure.start);
  if (!DELAY_BEFORE.test(before)) return undefined;
  const paren = enclosingParen(sentence, figure.start);
  const taskEnd = paren ? paren.open : before.length - (DELAY_BEFORE.exec(before)?.[0].length ?? 0);
  // The task starts after the last `;` or `:` outside parentheses (`(Khoa học và Công nghệ; …; Y tế)` is a list).
  const blanked = sentence.slice(0, taskEnd).replace(/\([^()]*\)/gu, (aside) => " ".repeat(aside.length));
  const taskStart = Math.max(blanked.lastIndexOf(";"), blanked.lastIndexOf(":")) + 1;
  const task = tidy(
    sentence
      .slice(taskStart, taskEnd)
      .replace(/\([^()]*\)/gu, " ")
      .replace(/^[\s\-–+•(\d)]+/u, "")
      .replace(/\d[\d.,/]*\s*/gu, "")
      .replace(/^(?:chưa hoàn thành|chưa|còn)\s+/iu, ""),
  );
  return measureOf(
    compose("thời gian chậm tiến độ", capWords(task, MAX_TASK_WORDS)),
    "thời gian chậm tiến độ",
    "chậm tiến độ",
  );
}

/** `Từ ngày 01/07/2024 đến nay, toàn quốc đã cấp 14,03 triệu thẻ`: a count since a date counts that window. */
const SINCE =
  /(?:^|[\s,(])(từ ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|kể từ ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|từ tháng\s+\d{1,2}\/\d{4})(?!\s*(?:đến|tới)\s+(?:ngày\s+)?\d)/iu;

function sinceOf(sentence: string, figure: SentenceFigure): string | undefined {
  const from = Math.max(0, sentence.lastIndexOf(";", figure.start - 1) + 1);
  const before = sentence.slice(from, figure.start);
  const found = SINCE.exec(before);
  if (!found?.[1]) return undefined;
  const end = found.index + found[0].length;
  // The window opens the sentence (`Từ ngày … đến nay, …`) or stands in the figure's own clause; an
  // effective date elsewhere (`có hiệu lực từ ngày 01/7/2025, đảm bảo …`) is no window.
  const opening = before.slice(0, found.index).trim() === "";
  const ownClause = !/,/u.test(before.slice(end));
  const untilNow = /^\s*,?\s*đến nay(?![\p{L}])/iu.test(before.slice(end));
  if (/hiệu lực\s*$/iu.test(before.slice(0, found.index + 1)) || !(opening || ownClause || untilNow))
    return undefined;
  return found[1].replace(/^kể\s+/iu, "").toLowerCase();
}

function withScope(
  measure: Measure,
  scope: string | undefined,
  label: string | undefined,
  since?: string,
): Measure {
  let text = measure.text;
  if (since && !text.includes(since)) text = `${text} ${since}`;
  if (scope && !text.includes(scope)) text = `${text} ${scope}`;
  if (label && text) {
    // A paragraph's label (`+ Đối tượng bảo trợ xã hội: …`) scopes its figures unless the measure already says it.
    const labelWords = label.toLowerCase().split(/\s+/);
    const said = labelWords.filter((word) => text.toLowerCase().includes(word)).length;
    if (said / labelWords.length < 0.6) text = `${text} (${label})`;
  }
  return { ...measure, text };
}

/** The measures of every figure in a sentence, left to right: later figures may qualify earlier ones. */
export function readMeasures(
  sentence: string,
  figures: SentenceFigure[],
  context: SentenceContext,
): ReadFigure[] {
  const done: ReadFigure[] = [];
  figures.forEach((figure, index) => {
    const spot: Spot = { sentence, figure, index, all: figures, done, context };
    const noun = countedNounAfter(sentence, figure.end);
    const nounEnd = noun?.end;
    const withNoun = (read: Omit<ReadFigure, keyof SentenceFigure>): ReadFigure => ({
      ...figure,
      ...read,
      ...(nounEnd !== undefined ? { nounEnd } : {}),
      ...(noun ? { noun: noun.text } : {}),
    });
    const push = (read: Omit<ReadFigure, keyof SentenceFigure>) => {
      const figureRead = withNoun(read);
      sharedLefts.set(figureRead, leftOf(spot).tail);
      done.push(figureRead);
    };
    const qualifier = asideQualifier(spot) ?? inlineQualifier(spot, noun?.text);
    if (qualifier) {
      done.push(withNoun(qualifier));
      return;
    }
    const delay = delayMeasure(spot, noun?.text);
    if (delay) {
      push({ measure: delay });
      return;
    }
    const parent = noun && context.isFootnote ? context.footnoteParent?.(noun.text) : undefined;
    const owner = ownerOf(spot, nounEnd);
    if (owner) {
      const head = parent
        ? splitOwner(parent.text).head
        : (leadInMeasure(sentence, figure.kind, noun?.text) ?? noun?.text ?? "");
      if (head) {
        push({ measure: measureOf(compose(head, "của", owner), noun?.text ?? head, parent?.action ?? "") });
        return;
      }
    }
    if (parent && figure.start < 6) {
      // A footnote that opens with the figure it details (`⁸ 12 địa phương gồm: …`) restates it.
      push({ measure: parent, relation: "restated" });
      return;
    }
    push({
      measure: withScope(
        withTopic(spot, withinWhole(spot, measureFromClause(spot, noun?.text, nounEnd))),
        context.scope,
        context.label,
        sinceOf(sentence, figure),
      ),
    });
  });
  return done;
}

/** A measure this short (`số tiền tiết kiệm`) needs the sentence's topic to say whose it is. */
const MAX_BARE_WORDS = 4;
const TOPIC_OPENING = /^\s*(?:[-+•»]\s*)?(?:Đối với|Riêng)\s+(.+?)(?:[,:]|\s(?:đã|đang|được|đạt|có)\s)/u;

/**
 * `- Đối với dịch vụ công liên thông “…” đã tiếp nhận …, tiết kiệm được 15,6 tỷ đồng`: a bare measure
 * belongs to the topic the sentence opens with.
 */
function withTopic(spot: Spot, measure: Measure): Measure {
  if (words(measure.text).length > MAX_BARE_WORDS) return measure;
  const before = spot.sentence.slice(0, spot.figure.start);
  const topic = TOPIC_OPENING.exec(before)?.[1] ?? namedOpening(before);
  // A topic that is itself a count (`Đối với 116 CSDL …:`) is a whole the breakdown names already.
  if (!topic || topic.length < 4 || /^\d/u.test(topic) || measure.text.includes(topic)) return measure;
  // A quoted name is kept whole: `dịch vụ công liên thông “Đăng ký khai sinh - … - Cấp thẻ BHYT …”`.
  const named = /“[^”]*”/u.test(topic) && words(topic).length <= 30 ? tidy(topic) : capWords(tidy(topic), 12);
  return { ...measure, text: compose(measure.text, "của", named) };
}

/** `Dịch vụ công liên thông “Đăng ký khai tử – …” đã tiếp nhận …`: a sentence opening on a quoted name. */
function namedOpening(before: string): string | undefined {
  const opening = /^\s*(?:[-+•»]\s*)?(\p{Lu}[^,;“]{0,40}“\p{Lu}[^”]*”)\s+(?:đã|được|đang)\s/u.exec(
    before,
  )?.[1];
  return opening ? lowerFirst(opening) : undefined;
}

/** A measure this short says only the part: `người kiêm nhiệm` of `3.054 cán bộ, công chức …`. */
const MAX_PART_WORDS = 5;

/**
 * `tổng số 3.054 cán bộ, công chức công nghệ thông tin, trong đó 1.697 người làm chuyên trách … và 1.357
 * người kiêm nhiệm`: a short measure after `trong đó` is a part of the count before it, and says so.
 */
function withinWhole(spot: Spot, measure: Measure): Measure {
  const { sentence, figure, done } = spot;
  const stop = sentence.lastIndexOf(";", figure.start);
  const opening = sentence.slice(stop + 1, figure.start).search(/(?:^|[\s,])trong đó(?:\s|,|:)/iu);
  if (opening === -1) return measure;
  const at = stop + 1 + opening;
  const whole = done.findLast(
    (one) => one.end <= at && one.start > stop && one.kind === figure.kind && !one.relation,
  );
  if (!whole || whole.measure.head === measure.head) return measure;
  // A part that took the whole's words (`người kiêm nhiệm bố trí nguồn lực …`) says whose part it is instead.
  const wholeText = withoutRate(whole.measure.text);
  const suffix =
    whole.noun && wholeText.startsWith(whole.noun) ? wholeText.slice(whole.noun.length).trim() : "";
  const part =
    suffix && measure.text.endsWith(suffix) ? tidy(measure.text.slice(0, -suffix.length)) : measure.text;
  // `nhiệm vụ chung` of `1.159 nhiệm vụ` names its whole already.
  if (whole.noun && part.toLowerCase().startsWith(whole.noun.toLowerCase())) return measure;
  if (words(part).length > MAX_PART_WORDS || /\s(?:của|trong)\s/u.test(` ${part} `)) return measure;
  return { ...measure, text: compose(part, "trong", capWords(wholeText, 14)) };
}
