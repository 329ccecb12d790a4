import { NUMBER_PATTERN, parseVietnameseNumber, readScaleWord, scaleValue } from "../core/numbers";
import type { FigureKind } from "../core/types";

/**
 * Reads one printed figure at a match of `FIGURE_PATTERN`: its value with scale words, a compound number
 * (`6 nghìn 200 tỷ` = 6.200 tỷ, `2 triệu 500 nghìn`), a percentage, a ratio, a currency and a rate's
 * "per" (`10.000 đồng/giao dịch`, `10,2 tỷ đồng/năm`).
 */
export interface PrintedNumber {
  /** Offsets in the sentence: the number itself (no qualifier), up to the currency and its "per". */
  start: number;
  end: number;
  value: number;
  values: number[];
  kind: FigureKind;
  /** `%` or the currency as printed. */
  unit?: string;
  /** What a rate is counted per: `giao dịch`, `năm`, `ngày`. */
  per?: string;
}

// A range (`15-30 phút`, `41.000–170.000 đồng`, `50-70%`) is one figure with both ends; one over a total
// (`9–10/12`) is not read.
export const FIGURE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/\-–])(${NUMBER_PATTERN})(?:\s*/\s*(${NUMBER_PATTERN})|\s*[-–]\s*(${NUMBER_PATTERN})(?![\d.,]*\s*/))?(\s*%)?`,
  "gu",
);

// "đồng" is also the first syllable of `đồng chí`, `đồng bộ`, `đồng thời`…: money only when no such word follows.
const CURRENCY =
  /^(tỷ đồng|đồng|VNĐ|VND|USD|đô la|đô)(?![\p{L}0-9])(?!\s+(?:chí|bộ|thời|hành|ý|bào|nghiệp|tâm|loạt|đều|nhất|minh|thuận|khởi|ca|hồ)(?![\p{L}]))/u;
const COMPOUND_TAIL = /^\s+(\d{1,3})(?![\d.,/])\s*/u;
/** A rate's "per": `/giao dịch`, `/ 01 ngày`, `/năm`; one or two words after the slash. */
const PER_AFTER = /^\s*\/\s*(?:0?1\s+)?(\p{L}+(?:\s+(?:dịch|thực hiện|truy cập|khám|hồ sơ|sơ))?)(?![\p{L}])/u;

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/**
 * `6 nghìn 200 tỷ`: a thousands count before a larger scale multiplies through (6.200 tỷ);
 * `2 triệu 500 nghìn`: a smaller scale after a larger one adds.
 */
function readCompound(
  rest: string,
  first: { value: number; factor: number },
): { value: number; length: number } | undefined {
  const tail = COMPOUND_TAIL.exec(rest);
  if (!tail?.[1]) return undefined;
  const scale = readScaleWord(rest.slice(tail[0].length));
  if (!scale) return undefined;
  const second = Number(tail[1]);
  const length = tail[0].length + scale.length;
  if (first.factor === 1e3 && scale.factor > 1e3)
    return { value: scaleValue(first.value * 1e3 + second, scale.factor), length };
  if (scale.factor < first.factor)
    return { value: scaleValue(first.value, first.factor) + scaleValue(second, scale.factor), length };
  return undefined;
}

/** The per of a rate right after the figure or its counted noun: `/năm`, `/ 01 ngày`. */
export function perAt(text: string): { per: string; length: number } | undefined {
  const match = PER_AFTER.exec(text);
  if (!match?.[1]) return undefined;
  return { per: match[1], length: match[0].length };
}

export function readPrintedNumber(sentence: string, match: RegExpExecArray): PrintedNumber | undefined {
  const numerator = match[1] ?? "";
  const denominator = match[2];
  const rangeEnd = match[3];
  const hasPercent = Boolean(match[4]);
  const start = match.index;
  let end = start + match[0].length;
  const first = parseVietnameseNumber(numerator);
  const second = denominator !== undefined ? parseVietnameseNumber(denominator) : undefined;
  if (first === undefined || (denominator !== undefined && second === undefined)) return undefined;
  if (denominator !== undefined && second !== undefined)
    return { start, end, value: first, values: [first, second], kind: "ratio" };
  const last = rangeEnd !== undefined ? parseVietnameseNumber(rangeEnd) : undefined;
  // A range runs upwards; anything else with a dash between numbers is a code (`57-2`).
  if (rangeEnd !== undefined && (last === undefined || last <= first)) return undefined;
  const ends = (factor = 1) =>
    last === undefined ? [scaleValue(first, factor)] : [scaleValue(first, factor), scaleValue(last, factor)];
  if (hasPercent) return { start, end, value: first, values: ends(), kind: "percent", unit: "%" };

  let value = first;
  let values = ends();
  const rest = sentence.slice(end);
  const scale = readScaleWord(rest.trimStart());
  // `2.407.040 triệu hồ sơ`: a number already printed in full does not take a scale word after it (the
  // breakdown beside it sums to 2.407.037); reports write scaled figures with short mantissas.
  const printedInFull = /^\d{1,3}(?:\.\d{3}){2,}$/u.test(numerator.trim());
  if (scale) {
    end += leadingSpace(rest) + scale.length;
    value = printedInFull ? first : scaleValue(first, scale.factor);
    values = printedInFull ? values : ends(scale.factor);
    const compound =
      last === undefined
        ? readCompound(sentence.slice(end), { value: first, factor: scale.factor })
        : undefined;
    if (compound) {
      end += compound.length;
      value = compound.value;
      values = [value];
    }
  }
  const afterNumber = sentence.slice(end);
  const currency = CURRENCY.exec(afterNumber.trimStart());
  if (!currency?.[1]) return { start, end, value, values, kind: "count" };
  end += leadingSpace(afterNumber) + currency[1].length;
  const per = perAt(sentence.slice(end));
  if (per) end += per.length;
  return {
    start,
    end,
    value,
    values,
    kind: "money",
    unit: currency[1],
    ...(per ? { per: per.per } : {}),
  };
}
