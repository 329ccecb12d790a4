import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer } from "../answer/answer";
import { ungroundedNumbers } from "../answer/grounding";
import { findDates } from "../core/dates";
import { isDeskError } from "../core/errors";
import { parseVietnameseNumber } from "../core/numbers";
import { understandQuestion } from "../index/query";
import { tokenize } from "../index/tokenize";
import { testDeps, testIndex } from "./support/desk";

/**
 * Whatever a user types reaches these parsers. Arbitrary Unicode — decomposed marks, zero-width and
 * direction marks, emoji, lone surrogates, control characters, markup lookalikes — must never throw,
 * hang, or produce an ungrounded answer.
 */
const hostilePieces = [
  "tài khoản",
  "tai khoan VNeID",
  "87,9 triệu",
  "Quý I/2024",
  "\u0301",
  "a\u0300\u0301\u0302",
  "\u200b",
  "\u200f",
  "\u202e",
  "\ufeff",
  "😀",
  "\ud800",
  "\udfff",
  "\u0000",
  "\u001b[31m",
  "<b>",
  "</i>&amp;",
  "'; DROP TABLE figures; --",
  "*_`[x](tg://user?id=1)",
  "1.000.000.000.000.000.000",
  "99999999999999999999,9999",
  "ngày 31 tháng 2 năm 99999",
  "\n\r\t",
];

const hostileText = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...hostilePieces),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      ),
      {
        maxLength: 30,
      },
    ),
    fc.constantFrom("NFC", "NFD"),
  )
  .map(([parts, form]) => parts.join(" ").normalize(form));

const BOUNDED_MS = 2000;

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(BOUNDED_MS);
  return result;
}

describe("parsers on arbitrary input", () => {
  it("the number parser never throws and returns a finite number or nothing", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const value = timed(() => parseVietnameseNumber(text));
        expect(value === undefined || Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the date parser never throws and returns valid ISO periods", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const mention of timed(() => findDates(text))) {
          expect(mention.periodStart <= mention.periodEnd).toBe(true);
          expect(mention.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the tokenizer and the question reader never throw", () => {
    const { lexical, documents } = testIndex();
    fc.assert(
      fc.property(hostileText, (text) => {
        timed(() => tokenize(text));
        timed(() =>
          understandQuestion(text, { lexical, documents: documents.map((document) => document.meta) }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("parses every well-formed Vietnamese number back to its value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (value) => {
        const printed = value.toLocaleString("de-DE");
        expect(parseVietnameseNumber(printed)).toBe(value);
      }),
    );
  });
});

describe("the answer pipeline on arbitrary questions", () => {
  it("answers or refuses with a typed error, within bounded time, and stays grounded", async () => {
    const deps = testDeps();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileText, fc.string({ unit: "grapheme", minLength: 990, maxLength: 1000 })),
        async (question) => {
          const started = performance.now();
          try {
            const result = await answer(deps, { question });
            expect(["answered", "not_found"]).toContain(result.status);
            const derived = result.deadlines.map((deadline) => deadline.dueDate).concat(deps.today());
            expect(ungroundedNumbers(result.answer.replace(question, ""), result.citations, derived)).toEqual(
              [],
            );
          } catch (error) {
            expect(isDeskError(error) && ["QUESTION_EMPTY", "QUESTION_TOO_LONG"].includes(error.code)).toBe(
              true,
            );
          }
          expect(performance.now() - started).toBeLessThan(BOUNDED_MS);
        },
      ),
      { numRuns: 150 },
    );
  });
});
