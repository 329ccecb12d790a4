/**
 * Vietnamese number notation: dots group thousands (`1.900.482.958`), a comma is the decimal mark (`87,9`),
 * and scale words follow the number (`116 nghìn tỷ` = 116 × 10¹²).
 */

export const SCALE_WORDS: ReadonlyArray<{ pattern: RegExp; factor: number }> = [
  // Longest first: "nghìn tỷ" must win over "nghìn".
  { pattern: /^(nghìn|ngàn)\s+(tỷ|tỉ)/u, factor: 1e12 },
  { pattern: /^(tỷ|tỉ)/u, factor: 1e9 },
  { pattern: /^triệu/u, factor: 1e6 },
  { pattern: /^(nghìn|ngàn)/u, factor: 1e3 },
];

/** A number as printed in Vietnamese notation, without scale word. */
export const NUMBER_PATTERN = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const THOUSANDS_DOTS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^\d+(?:,\d+)?$/;

/**
 * Parses `1.900.482.958`, `87,9`, `2.917,9`, `116`. Returns undefined for anything else (`4.0`, `1.5`,
 * `12,3,4`), because a wrong number is worse than none.
 */
export function parseVietnameseNumber(printed: string): number | undefined {
  const text = printed.trim();
  if (text.length === 0 || text.length > 40) return undefined;
  if (THOUSANDS_DOTS.test(text) || DECIMAL_COMMA.test(text)) {
    const value = Number(text.replace(/\./g, "").replace(",", "."));
    return Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

/** `triệu hồ sơ` → 1e6 and the length of the scale word(s) consumed; undefined when no scale word starts the text. */
export function readScaleWord(textAfterNumber: string): { factor: number; length: number } | undefined {
  const lower = textAfterNumber.toLowerCase();
  for (const scale of SCALE_WORDS) {
    const match = scale.pattern.exec(lower);
    // The scale word must end at a word boundary: "tỷ lệ" is a ratio, not a billion.
    if (
      match &&
      !/^[\p{L}\p{N}]/u.test(lower.slice(match[0].length)) &&
      !/^\s+lệ/u.test(lower.slice(match[0].length))
    ) {
      return { factor: scale.factor, length: match[0].length };
    }
  }
  return undefined;
}

/** Rounds away floating point noise from scaling (87,9 × 10⁶ = 87900000.00000001). */
export function scaleValue(value: number, factor: number): number {
  const scaled = value * factor;
  // `65.829,9 tỷ` is 65829.9 × 1e9 = 65829899999999.99 in floating point: fifteen significant digits
  // are all a printed figure has.
  return Number(scaled.toPrecision(15));
}
