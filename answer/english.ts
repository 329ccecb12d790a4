import { fold } from "../core/text";
import type { Figure } from "../core/types";
import { findGlossaryMatches, foldPhrase, glossaryData } from "../index/glossary";

/**
 * An English answer line for a figure the report prints in Vietnamese: `trên 87,9 triệu thẻ căn cước công
 * dân` → `over 87.9 million citizen ID cards`. Only the wording changes: the digits stay those of the quote,
 * so the grounding check still holds. The quote itself is never translated.
 */
const SCALES: Array<[RegExp, string]> = [
  [/^(nghìn|ngàn)\s+(tỷ|tỉ)/u, "trillion"],
  [/^(tỷ|tỉ)/u, "billion"],
  [/^triệu/u, "million"],
  [/^(nghìn|ngàn)/u, "thousand"],
];

const QUALIFIERS: Array<[string, string]> = [
  ["ước đạt", "an estimated"],
  ["lên tới", "up to"],
  ["lên đến", "up to"],
  ["ít nhất", "at least"],
  ["tối thiểu", "at least"],
  ["tối đa", "at most"],
  ["xấp xỉ", "about"],
  ["gần như", "nearly"],
  ["khoảng", "about"],
  ["trên", "over"],
  ["hơn", "over"],
  ["gần", "nearly"],
  ["tăng thêm", "up"],
  ["tăng", "up"],
  ["giảm", "down"],
  ["vượt", "over"],
  ["đạt", ""],
  ["ước", "an estimated"],
  ["tới", "up to"],
];

const CURRENCIES: Array<[RegExp, string]> = [
  [/^(tỷ đồng)$/u, "billion VND"],
  [/^(đồng|VNĐ|VND)$/u, "VND"],
  [/^(USD|đô|đô la)$/u, "USD"],
];

/** "250 triệu đô/năm", "41.000–170.000 đồng/hồ sơ": what the amount is per. */
const PER: Record<string, string> = {
  năm: "a year",
  tháng: "a month",
  ngày: "a day",
  "hồ sơ": "per application",
};

/**
 * `87,9` → `87.9`, `1.900.482.958` → `1,900,482,958`: the same digits in English notation. A number with
 * one thousands group is written without a separator (`12.455` → `12455`): `12,455` would read as a
 * decimal to a Vietnamese reader, and is read so by number parsers that accept both notations.
 */
function englishNumber(printed: string): string {
  return printed.replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/gu, (number) => {
    const [whole = "", decimals] = number.split(",");
    const groups = whole.split(".");
    const english = groups.length === 2 ? groups.join("") : groups.join(",");
    return `${english}${decimals !== undefined ? `.${decimals}` : ""}`;
  });
}

let englishTerms: Map<string, string[]> | undefined;
let acronymCase: Map<string, string> | undefined;

function glossaryEnglish(): { terms: Map<string, string[]>; acronyms: Map<string, string> } {
  if (!englishTerms || !acronymCase) {
    const data = glossaryData();
    englishTerms = new Map();
    for (const term of data.terms) {
      if (term.en.length === 0) continue;
      for (const wording of term.vi)
        if (!englishTerms.has(foldPhrase(wording))) englishTerms.set(foldPhrase(wording), term.en);
    }
    acronymCase = new Map(data.acronyms.map((acronym) => [fold(acronym.short), acronym.short]));
  }
  return { terms: englishTerms, acronyms: acronymCase };
}

/**
 * The unit in English when the glossary knows it, acronyms in their usual case; undefined otherwise. A
 * name the Vietnamese keeps (`tài khoản VNeID`) stays in the English (`VNeID accounts`), and a count of
 * more than one takes the plural the glossary lists.
 */
export function englishPhrase(vietnamese: string, plural = true): string | undefined {
  const { terms, acronyms } = glossaryEnglish();
  const folded = foldPhrase(vietnamese);
  const match = findGlossaryMatches(folded).find((found) => terms.has(found.matched));
  if (!match) return undefined;
  const options = terms.get(match.matched) ?? [];
  const names = match.matched.split(" ").filter((word) => acronyms.has(word));
  const named = options.filter((option) => names.some((name) => option.split(" ").includes(name)));
  const pool = named.length > 0 ? named : options;
  const english = (plural ? pool.find((option) => option.endsWith("s")) : undefined) ?? pool[0] ?? "";
  return english
    .split(" ")
    .map((word) => acronyms.get(word) ?? word)
    .join(" ");
}

/** The figure with its counted noun, in English words around the printed digits. */
export function englishFigure(figure: Pick<Figure, "text" | "unit" | "kind">): string {
  let rest = figure.text.trim();
  let qualifier = "";
  for (const [vietnamese, english] of QUALIFIERS) {
    if (rest.toLowerCase().startsWith(`${vietnamese} `)) {
      qualifier = english;
      rest = rest.slice(vietnamese.length).trim();
      break;
    }
  }
  // A range keeps both ends: `15-30 phút` → `15-30 minutes`.
  const numberMatch = /^[\d.,/]+(?:\s*[-–]\s*[\d.,]+)?%?/u.exec(rest);
  let number = englishNumber(numberMatch?.[0] ?? rest);
  let after = rest.slice(numberMatch?.[0].length ?? rest.length).trim();
  for (const [pattern, scale] of SCALES) {
    const scaleMatch = pattern.exec(after);
    if (scaleMatch) {
      // A range's scale applies to both its ends: "2,000 billion–10,000 billion".
      number = number.replace(/^([\d.,]+)(\s*[-–]\s*)([\d.,]+)$/u, `$1 ${scale}$2$3`);
      number = `${number} ${scale}`;
      after = after.slice(scaleMatch[0].length).trim();
      break;
    }
  }
  const unitText = [
    after,
    figure.unit && figure.unit !== "%" && !figure.text.endsWith(figure.unit) ? figure.unit : "",
  ]
    .filter(Boolean)
    .join(" ")
    .trim();
  const [, counted = unitText, perWord = ""] = /^(.+?)\s*\/\s*(năm|tháng|ngày|hồ sơ)$/u.exec(unitText) ?? [];
  let unit = "";
  if (counted) {
    const currency = CURRENCIES.find(([pattern]) => pattern.test(counted));
    unit = currency ? currency[1] : (englishPhrase(counted, !/^(?:0*1|một)$/u.test(number)) ?? counted);
  }
  const per = PER[perWord] ?? "";
  return [qualifier, number, unit, per].filter(Boolean).join(" ");
}
