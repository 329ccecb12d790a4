import { readFileSync } from "node:fs";
import { z } from "zod";
import { fold, normalizeText } from "../core/text";

/**
 * The graded question format (`../shared/eval/dev.jsonl` and any file like it), and the lenient matching
 * that tells whether an expected quote or answer appears in a passage or an answer despite PDF artifacts
 * (`**bold**`, line breaks, footnote markers glued to numbers).
 */
export const evalItemSchema = z.object({
  id: z.string(),
  lang: z.enum(["vi", "en"]),
  kind: z.enum(["figure", "deadline", "date", "fact", "unanswerable"]),
  question: z.string(),
  answers: z.array(z.string()).default([]),
  numbers: z.array(z.number()).default([]),
  doc: z.string().nullable().optional(),
  quote: z.string().nullable().optional(),
  as_of: z.string().nullable().optional(),
  note: z.string().optional(),
});

export type EvalItem = z.infer<typeof evalItemSchema>;

export function readEvalSet(path: string): EvalItem[] {
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(
          `${path}:${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
        );
      return parsed.data;
    });
}

/** Words of a text, folded, without emphasis marks or superscript footnote markers. */
export function comparableWords(text: string): string[] {
  return fold(
    normalizeText(text)
      .replace(/\*+/g, "")
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, " "),
  )
    .split(/[^\p{L}\p{N}.,%/]+/u)
    .map((word) => word.replace(/^[.,]+|[.,]+$/g, ""))
    .filter(Boolean);
}

/**
 * Whether a quote appears in a passage: as a whole (after normalizing), or with at least 85% of its words
 * present in order-free fashion when the quote has 6+ words (so `Đề án 061` still matches `Đề án 06¹`).
 */
export function quoteAppears(quote: string, passage: string): boolean {
  const quoteWords = comparableWords(quote);
  const passageWords = comparableWords(passage);
  if (quoteWords.length === 0) return false;
  if (` ${passageWords.join(" ")} `.includes(` ${quoteWords.join(" ")} `)) return true;
  if (quoteWords.length < 6) return false;
  const available = new Set(passageWords);
  const present = quoteWords.filter((word) => available.has(word)).length;
  return present / quoteWords.length >= 0.85;
}
