import { BRANCH_PATTERN, lunarNewYearDay, STEM_PATTERN, yearOfSexagenaryName } from "./lunar-new-year";
import { fold } from "./text";
import type { DuePrecision } from "./types";

/**
 * Date expressions as the reports and the askers write them, with or without diacritics and in English:
 * `ngày 21 tháng 12 năm 2023`, `01/7/2025`, `tháng 03/2025`, `Quý I năm 2024`, `6 tháng đầu năm 2025`,
 * `trong năm 2024`, `đến hết 2025`, `từ năm 2022 đến năm 2025`, `Tết Nguyên đán Giáp Thìn 2024`,
 * `vào kỳ họp thứ 9 (tháng 5/2025)`, `January 2025`, `Q1 2025`.
 *
 * Matching runs on the folded text (lowercase, no marks), which has the same length as the original, so
 * offsets point into the original and `text` is the original wording.
 */
export interface DateMention {
  /** As printed, cue included: `trước ngày 01/7/2025`, `trong Quý I năm 2024`. */
  text: string;
  start: number;
  end: number;
  /** The cue before the date, folded: `truoc`, `trong`, `den het`, `tu`, `tinh den`… */
  cue?: string;
  /** First and last day the expression covers. */
  periodStart: string;
  periodEnd: string;
  precision: DuePrecision;
  /** Compact ISO form for display and matching: `2024-Q1`, `2025-03`, `2025-07-01`, `2025`, `2022/2025`. */
  iso: string;
  /** The day a task with this wording is due: the period's last day, or the day itself after "trước". */
  dueDate: string;
}

const MONTHS_EN = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_EN = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?`;

const YEAR = String.raw`((?:19|20)\d{2})`;
const DAY = String.raw`(\d{1,2})`;
const MONTH = String.raw`(\d{1,2})`;
const QUARTER = "(iv|iii|ii|i|[1-4])";
const SEP = String.raw`\s*[/.\-]\s*`;
const YEAR_JOIN = String.raw`(?:\s*[/.\-]\s*|\s+(?:nam|năm)\s+|\s+)`;

interface Rule {
  pattern: RegExp;
  build(match: RegExpExecArray): Omit<DateMention, "text" | "start" | "end" | "cue" | "dueDate"> | undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

function dayPeriod(year: number, month: number, day: number) {
  if (!isValidDay(year, month, day)) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return { periodStart: iso, periodEnd: iso, precision: "day" as const, iso };
}

function monthPeriod(year: number, month: number) {
  if (month < 1 || month > 12) return undefined;
  return {
    periodStart: `${year}-${pad(month)}-01`,
    periodEnd: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
    precision: "month" as const,
    iso: `${year}-${pad(month)}`,
  };
}

function quarterPeriod(year: number, quarter: number) {
  if (quarter < 1 || quarter > 4) return undefined;
  const lastMonth = quarter * 3;
  return {
    periodStart: `${year}-${pad(lastMonth - 2)}-01`,
    periodEnd: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    precision: "quarter" as const,
    iso: `${year}-Q${quarter}`,
  };
}

function halfPeriod(year: number, half: 1 | 2) {
  return {
    periodStart: half === 1 ? `${year}-01-01` : `${year}-07-01`,
    periodEnd: half === 1 ? `${year}-06-30` : `${year}-12-31`,
    precision: "half" as const,
    iso: `${year}-H${half}`,
  };
}

function yearPeriod(year: number) {
  return {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    precision: "year" as const,
    iso: String(year),
  };
}

function quarterNumber(token: string): number {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  return roman[token] ?? Number(token);
}

function monthFromEnglish(token: string): number {
  const prefix = token.replace(/\.$/, "").slice(0, 3);
  return MONTHS_EN.findIndex((month) => month.startsWith(prefix)) + 1;
}

const num = (value: string | undefined) => Number(value ?? Number.NaN);

/** `Tết Nguyên đán Giáp Thìn 2024`, `Tết Giáp Thìn`, `Tết Nguyên đán 2024`: the lunar new year's day. */
function lunarNewYearPeriod(stem: string | undefined, branch: string | undefined, year: string | undefined) {
  const named = stem && branch ? yearOfSexagenaryName(stem, branch) : undefined;
  const day = lunarNewYearDay(year ? num(year) : (named ?? Number.NaN));
  if (!day) return undefined;
  return { periodStart: day, periodEnd: day, precision: "day" as const, iso: day };
}

// Order matters: longer, more specific forms first; overlapping later matches are dropped.
const RULES: Rule[] = [
  {
    pattern: new RegExp(
      String.raw`tet(?:\s+nguyen\s+dan)?(?:\s+(${STEM_PATTERN})\s+(${BRANCH_PATTERN}))?(?:\s+(?:nam\s+)?${YEAR})?(?![\p{L}\d])`,
      "gu",
    ),
    build: (m) => lunarNewYearPeriod(m[1], m[2], m[3]),
  },
  {
    pattern: new RegExp(
      String.raw`tu\s+(?:nam\s+)?${YEAR}\s+(?:den|toi)\s+(?:het\s+)?(?:nam\s+)?${YEAR}`,
      "g",
    ),
    build: (m) => {
      const from = num(m[1]);
      const to = num(m[2]);
      if (to < from) return undefined;
      return {
        periodStart: `${from}-01-01`,
        periodEnd: `${to}-12-31`,
        precision: "year",
        iso: `${from}/${to}`,
      };
    },
  },
  {
    pattern: new RegExp(String.raw`(?:ngay\s+)?${DAY}\s+thang\s+${MONTH}\s+nam\s+${YEAR}`, "g"),
    build: (m) => dayPeriod(num(m[3]), num(m[2]), num(m[1])),
  },
  {
    pattern: new RegExp(String.raw`(?<![\d/.])${DAY}${SEP}${MONTH}${SEP}${YEAR}(?![\d/])`, "g"),
    build: (m) => dayPeriod(num(m[3]), num(m[2]), num(m[1])),
  },
  {
    pattern: new RegExp(String.raw`${DAY}\s+${MONTH_EN},?\s+${YEAR}`, "g"),
    build: (m) => dayPeriod(num(m[3]), monthFromEnglish(m[2] ?? ""), num(m[1])),
  },
  {
    pattern: new RegExp(String.raw`${MONTH_EN}\s+${DAY}(?:st|nd|rd|th)?,?\s+${YEAR}`, "g"),
    build: (m) => dayPeriod(num(m[3]), monthFromEnglish(m[1] ?? ""), num(m[2])),
  },
  {
    pattern: new RegExp(String.raw`(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\s+${YEAR}`, "g"),
    build: (m) => halfPeriod(num(m[2]), m[1] === "dau" ? 1 : 2),
  },
  {
    pattern: new RegExp(String.raw`(?:(first|second)\s+half\s+of|\b(h[12]))\s*${YEAR}`, "g"),
    build: (m) => halfPeriod(num(m[3]), m[1] === "first" || m[2] === "h1" ? 1 : 2),
  },
  {
    pattern: new RegExp(String.raw`quy\s+${QUARTER}${YEAR_JOIN}${YEAR}`, "g"),
    build: (m) => quarterPeriod(num(m[2]), quarterNumber(m[1] ?? "")),
  },
  {
    pattern: new RegExp(String.raw`\bq([1-4])${YEAR_JOIN}${YEAR}`, "g"),
    build: (m) => quarterPeriod(num(m[2]), num(m[1])),
  },
  {
    pattern: new RegExp(String.raw`(first|second|third|fourth)\s+quarter\s+(?:of\s+)?${YEAR}`, "g"),
    build: (m) => quarterPeriod(num(m[2]), ["first", "second", "third", "fourth"].indexOf(m[1] ?? "") + 1),
  },
  {
    pattern: new RegExp(String.raw`thang\s+${MONTH}${YEAR_JOIN}${YEAR}`, "g"),
    build: (m) => monthPeriod(num(m[2]), num(m[1])),
  },
  {
    pattern: new RegExp(String.raw`${MONTH_EN},?\s+(?:of\s+)?${YEAR}`, "g"),
    build: (m) => monthPeriod(num(m[2]), monthFromEnglish(m[1] ?? "")),
  },
  {
    // A bare `11/2025` is a month only when the year is plausible; `33/63` and `4.427/6.283` are ratios.
    pattern: new RegExp(String.raw`(?<![\d/.,])${MONTH}/${YEAR}(?![\d/])`, "g"),
    build: (m) => monthPeriod(num(m[2]), num(m[1])),
  },
  {
    // `năm 2025.` and `năm 2025,` end a year; `2025,5` or `2.025.000` are other numbers.
    pattern: new RegExp(
      String.raw`(?:nam|year|in|by|of|end\s+of|late|early|het|cuoi|dau|den|toi)\s+${YEAR}(?![\d/]|[.,]\d)`,
      "g",
    ),
    build: (m) => yearPeriod(num(m[1])),
  },
];

// Cues in folded form, longest first so "truoc ngay" wins over "truoc".
const CUES = [
  "tinh den het",
  "tinh den ngay",
  "tinh den",
  "tu nay den het",
  "tu nay den",
  "den het ngay",
  "den het",
  "truoc ngay",
  "cham nhat la ngay",
  "cham nhat ngay",
  "cham nhat",
  "ngay trong",
  "trong dip",
  "truoc",
  "trong",
  "den ngay",
  "den",
  "tu ngay",
  "tu",
  "vao",
  "het",
  "cuoi",
  "dau",
  "by",
  "before",
  "as of",
  "until",
  "in",
] as const;

function cueBefore(folded: string, start: number): { cue: string; start: number } | undefined {
  const before = folded.slice(Math.max(0, start - 24), start);
  for (const cue of CUES) {
    const match = new RegExp(
      String.raw`(?:^|[^\p{L}])(${cue.replace(/ /g, String.raw`\s+`)})\s*[(]?\s*$`,
      "u",
    ).exec(before);
    if (match?.[1])
      return { cue, start: start - before.length + (match.index ?? 0) + match[0].indexOf(match[1]) };
  }
  return undefined;
}

// `vào kỳ họp thứ 9 (tháng 5/2025)`: a date in parentheses dates the event before it, and the cue before
// the event is the date's cue. The event is a short phrase without a date of its own.
const EVENT_CUE = /(?:^|[^\p{L}])(vao|trong|truoc|den het|den)\s+([^(),;.:]{2,40}?)\s*\(\s*$/u;

function eventCueBefore(folded: string, start: number): { cue: string; start: number } | undefined {
  const before = folded.slice(Math.max(0, start - 64), start);
  const match = EVENT_CUE.exec(before);
  const cue = match?.[1];
  if (!match || !cue || /\d{4}/.test(match[2] ?? "")) return undefined;
  return {
    cue: cue.replace(/\s+/g, " "),
    start: start - before.length + match.index + match[0].indexOf(cue),
  };
}

/** `đến` before `hết 2025` makes one cue, `đến hết`; a lead alone (`hết 2025`, `in 2025`) is a cue too. */
function combinedCue(cue: string | undefined, lead: string | undefined): string | undefined {
  if (cue && lead && (CUES as readonly string[]).includes(`${cue} ${lead}`)) return `${cue} ${lead}`;
  return cue ?? (lead && ["het", "cuoi", "dau", "by", "in"].includes(lead) ? lead : undefined);
}

function dueDateFor(
  cue: string | undefined,
  mention: { periodStart: string; periodEnd: string; precision: DuePrecision },
): string {
  // "trước ngày 01/7/2025" is due that day; "trước tháng 3 năm 2024" is due when March starts.
  if (cue === "truoc" || cue === "before") return mention.periodStart;
  return mention.periodEnd;
}

const COMPARED_WITH =
  /(?:^|[^\p{L}])(?:(?:so voi|compared (?:with|to)|than)(?: in)?(?: cung ky)?|cung ky|the same (?:period|time|month|quarter)(?: of| in)?)(?: (?:nam|thang|ngay|in))?\s*$/u;

/**
 * "tăng 15 bậc so với 2022", "up 20% compared with December 2024", "higher than in the same period of
 * 2023": the date is the baseline a change is measured from, not the time the sentence (or the question)
 * speaks of.
 */
export function isComparisonDate(text: string, mention: DateMention): boolean {
  return COMPARED_WITH.test(fold(text.slice(Math.max(0, mention.start - 30), mention.start)));
}

/** Every date expression in the text, left to right, without overlaps. */
export function findDates(text: string): DateMention[] {
  const folded = fold(text);
  const taken: Array<[number, number]> = [];
  const mentions: DateMention[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(folded); match; match = rule.pattern.exec(folded)) {
      let start = match.index;
      let end = start + match[0].length;
      if (start > 0 && /[\p{L}\p{N}]/u.test(folded[start - 1] ?? "")) continue;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      const period = rule.build(match);
      if (!period) continue;
      // A leading "năm"/"in"/"by" belongs to the cue, not the date.
      const lead = /^(?:nam|year|in|by|of|end\s+of|late|early|het|cuoi|dau)\s+(?=\d)/.exec(
        folded.slice(start, end),
      );
      const cueText = lead ? lead[0].trim() : undefined;
      const cue = cueBefore(folded, start) ?? eventCueBefore(folded, start);
      taken.push([start, end]);
      const effectiveCue = combinedCue(cue?.cue, cueText);
      // The event's closing parenthesis belongs to the wording: `vào kỳ họp thứ 9 (tháng 5/2025)`.
      if (cue && folded.slice(cue.start, start).includes("(") && /^\s*\)/.test(folded.slice(end)))
        end = folded.indexOf(")", end) + 1;
      if (cue) start = cue.start;
      mentions.push({
        text: text.slice(start, end),
        start,
        end,
        ...(effectiveCue ? { cue: effectiveCue } : {}),
        ...period,
        dueDate: dueDateFor(effectiveCue, period),
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** `2025-01-15` → `15/01/2025`, `2025-01` → `01/2025`, `2024-Q1` → `Quý I/2024`, `2025` → `2025`. */
export function formatIsoForReader(iso: string, lang: "vi" | "en" = "vi"): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${month[2]}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (quarter) {
    const roman = ["I", "II", "III", "IV"][Number(quarter[2]) - 1];
    return lang === "en" ? `Q${quarter[2]} ${quarter[1]}` : `Quý ${roman}/${quarter[1]}`;
  }
  return iso;
}

/** Today's date as YYYY-MM-DD in Vietnam's time zone (UTC+7), where the deadlines are set. */
export function todayInVietnam(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 10);
}

/** Last day of the period a partial ISO date names: `2025-01` → `2025-01-31`, `2025` → `2025-12-31`. */
export function endOfIsoPeriod(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${month[1]}-${month[2]}-${pad(lastDayOfMonth(num(month[1]), num(month[2])))}`;
  const year = /^(\d{4})$/.exec(iso);
  if (year) return `${year[1]}-12-31`;
  return iso;
}

/** First day of the period a partial ISO date names: `2025-01` → `2025-01-01`. */
export function startOfIsoPeriod(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-01`;
  if (/^\d{4}$/.test(iso)) return `${iso}-01-01`;
  return iso;
}
