import { remember } from "./memo";

/**
 * Text helpers shared by ingest and search. Vietnamese arrives in mixed Unicode forms (precomposed and
 * combining marks) and people type it with or without marks, so everything is compared in NFC and, where
 * marks must not matter, in a folded form.
 */

const SUPERSCRIPT_TO_DIGIT: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
};

const DIGIT_TO_SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPT_TO_DIGIT).map(([superscript, digit]) => [digit, superscript]),
);

export const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

export function toSuperscript(digits: string): string {
  return [...digits].map((digit) => DIGIT_TO_SUPERSCRIPT[digit] ?? digit).join("");
}

export function fromSuperscript(text: string): string {
  return [...text].map((char) => SUPERSCRIPT_TO_DIGIT[char] ?? char).join("");
}

// Zero-width characters, soft hyphens, BOMs and bidi controls carry no meaning in these reports
// but break matching, so they are removed before anything else.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Lone surrogates cannot be normalized or printed; they only come from broken input.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC, no invisible characters, plain spaces. Safe on any input. */
export function normalizeText(text: string): string {
  return text.replace(LONE_SURROGATE, "").normalize("NFC").replace(INVISIBLE, "").replace(ODD_SPACES, " ");
}

/**
 * Lowercase without tone or vowel marks, đ → d: `Tài khoản` → `tai khoan`.
 * Length-preserving for NFC Vietnamese, so offsets in the folded text match the original.
 */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  let folded = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 128) folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
    else folded += foldChar(char);
  }
  // Answering folds the same index sentences again and again; a bounded memo of short texts keeps that
  // cheap without holding whole documents.
  if (text.length <= FOLD_CACHE_MAX_LENGTH) remember(foldCache, text, folded, FOLD_CACHE_LIMIT);
  return folded;
}

const FOLD_CACHE_LIMIT = 20_000;
const FOLD_CACHE_MAX_LENGTH = 1_500;
const foldCache = new Map<string, string>();
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const base = char === "đ" || char === "Đ" ? "d" : char.normalize("NFD").replace(/\p{M}/gu, "");
    // A character whose base is longer or shorter than one code unit would shift offsets; keep it as is.
    folded = base.length === char.length ? base.toLowerCase() : char.toLowerCase();
    if (folded.length !== char.length) folded = char;
    foldedChars.set(char, folded);
  }
  return folded;
}

/** True when the text carries Vietnamese marks (so the asker typed with diacritics). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}
