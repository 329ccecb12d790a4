import { type DateMention, endOfIsoPeriod } from "../core/dates";
import { datesIn as findDates } from "./dates-in";
import type { ReadFigure } from "./figure-measure";

/**
 * The date a figure describes. A report's figures describe the report's date unless the sentence dates
 * them: a cue before the figure in its clause (`Tính đến ngày 15/01/2025, …`, `đến 8/2025 đã lắp đặt 220
 * kiosk`), a date opening the sentence (`Năm 2024, 71,5% …`), a period after the figure (`1,4 triệu hồ sơ
 * chỉ trong tháng 02/2025`), a trailing note (`(kết quả ghi nhận tính đến ngày 20/01/2024)`), or, for an
 * earlier value, the date printed with it (`so với 68,9% năm 2022`). Dates after the report's are
 * deadlines, never as-of dates.
 */
const AS_OF_CUES = new Set(["tinh den", "tinh den het", "tinh den ngay", "den", "den ngay", "den het"]);
const COMPARISON_BEFORE = /(?:so với|so sánh với|từ|kể từ|trước)\s*$/iu;

function usable(date: DateMention, documentAsOf: string): boolean {
  if (date.precision === "quarter" || date.precision === "half" || date.iso.includes("/")) return false;
  return endOfIsoPeriod(date.iso) <= endOfIsoPeriod(documentAsOf);
}

/** A date printed with a document's number (`Chỉ thị số 51/NQ-TW ngày 08/8/2025`) dates the document. */
const DOCUMENT_DATE_BEFORE =
  /(?:\d+\/[\p{L}\d-]+|(?:Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Thông tư|Nghị định|Công văn|Thông báo|Luật)[^,;]{0,30})\s*,?\s*(?:ngày\s*)?$/u;

/** `Năm 2024, …`, `Theo Báo cáo Liên Hợp Quốc 2024, …`, `Tính đến hết năm 2024, …`: a date in the sentence's opening phrase. */
function openingDate(sentence: string, dates: DateMention[]): DateMention | undefined {
  const comma = sentence.indexOf(",");
  if (comma === -1 || comma > 60) return undefined;
  return dates.find(
    (date) =>
      date.end <= comma &&
      (date.cue === undefined || AS_OF_CUES.has(date.cue)) &&
      !COMPARISON_BEFORE.test(sentence.slice(0, date.start)) &&
      !DOCUMENT_DATE_BEFORE.test(sentence.slice(0, date.start)),
  );
}

/** `Năm 2024, …`, `Theo Báo cáo Liên Hợp Quốc 2024, …`: a year opening the sentence, before a comma. */
const OPENING_YEAR =
  /^\s*(?:[-–+•]\s*)?(?:(?:năm|trong năm|tính đến hết năm|đến hết năm|theo\s[^,;]{0,60}?)\s+)((?:19|20)\d{2})\s*,/iu;
/** `so với 68,9% năm 2022`, `so với 2022`: the year an earlier value is from. */
const YEAR_AFTER = /^\s*(?:(?:vào\s+)?năm\s+)?((?:19|20)\d{2})(?![\d/.,]\d)/iu;

function pastYear(year: string | undefined, documentAsOf: string): string | undefined {
  return year && `${year}-12-31` <= endOfIsoPeriod(documentAsOf) ? year : undefined;
}

export function asOfOf(sentence: string, figure: ReadFigure, earlier: boolean, documentAsOf: string): string {
  if (earlier) {
    const year = pastYear(YEAR_AFTER.exec(sentence.slice(figure.end))?.[1], documentAsOf);
    if (year) return year;
  }
  const openingYear = pastYear(OPENING_YEAR.exec(sentence)?.[1], documentAsOf);
  const dates = findDates(sentence).filter((date) => usable(date, documentAsOf));
  if (dates.length === 0) return openingYear ?? documentAsOf;
  const clauseStart = sentence.lastIndexOf(";", figure.start - 1) + 1;
  const nextClause = sentence.indexOf(";", figure.end);
  const clauseEnd = nextClause === -1 ? sentence.length : nextClause;
  if (earlier) {
    const printedWith = dates.find((date) => date.start >= figure.end && date.start - figure.end < 12);
    if (printedWith) return printedWith.iso;
  }
  const cued = dates.filter(
    (date) =>
      date.cue !== undefined &&
      AS_OF_CUES.has(date.cue) &&
      date.end <= figure.start &&
      date.start >= clauseStart &&
      !COMPARISON_BEFORE.test(sentence.slice(0, date.start)),
  );
  const nearest = cued.at(-1);
  if (nearest) return nearest.iso;
  const opening = openingDate(sentence, dates);
  // `…, đến nay, đã thu nhận …`: "until now" after the opening date dates the figure to the report.
  const untilNow =
    opening && /(?:đến nay|hiện nay|hiện tại)/u.test(sentence.slice(opening.end, figure.start));
  if (opening && opening.end <= figure.start && !untilNow) return opening.iso;
  if (openingYear) return openingYear;
  const period = dates.find(
    (date) =>
      date.cue === "trong" &&
      date.precision !== "year" &&
      date.start >= figure.end &&
      date.start < clauseEnd &&
      date.start - figure.end < 60,
  );
  if (period) return period.iso;
  const trailing = dates.find(
    (date) =>
      date.cue !== undefined &&
      AS_OF_CUES.has(date.cue) &&
      date.start >= figure.end &&
      /^[\s).]*$/u.test(sentence.slice(date.end)) &&
      sentence.lastIndexOf("(", date.start) > figure.end - 1,
  );
  return trailing ? trailing.iso : documentAsOf;
}
