import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { answer } from "../answer/answer";
import type { Answer } from "../answer/answer-types";
import { ungroundedNumbers } from "../answer/grounding";
import { openAnswerDeps } from "../bot/open-answer-deps";
import { loadConfig, processEnv } from "../core/config";
import { createCliLogger } from "../core/logger";
import { hasDiacritics } from "../core/text";
import type { Embedder } from "../index/embedder";
import type { LoadedIndex } from "../index/read";
import { search } from "../index/search";
import { searchTextOf } from "../index/search-text";
import { loadCorpus } from "../ingest/load";
import { answerAppears, type EvalItem, quoteAppears, readEvalSet } from "./eval-set";
import { percentiles } from "./percentiles";
import { DEFAULT_EVAL_SET } from "./questions";
import { registerSummary } from "./register-summary";
import { simpleBm25 } from "./simple-bm25";

/**
 * `npm run eval [-- file.jsonl] [--json out.json] [--verbose]`: measures a graded question set.
 * - Retrieval: is the expected quote in the top 1 / top 3 passages? Beside a baseline of LangChain's
 *   default recipe (1000/200 character chunks, plain BM25).
 * - Answers: the expected figure in the lead line (dates, deadlines, facts anywhere in the answer), the
 *   lead citation from the expected report, not_found where the reports do not answer, and every number
 *   in every answer found in its citations.
 * Grouped by question kind and language (Vietnamese, unaccented Vietnamese, English).
 */
interface Outcome {
  item: EvalItem;
  group: string;
  retrievalRank: number;
  baselineRank: number;
  correct: boolean;
  citationCorrect: boolean | undefined;
  grounded: boolean;
  status: Answer["status"];
  lead: string;
  answerMs: number;
  searchMs: number;
}

const NO_QUOTE = -2;

function gradeAnswer(item: EvalItem, result: Answer): boolean {
  if (item.kind === "unanswerable") return result.status === "not_found";
  if (result.status !== "answered") return false;
  const graded =
    item.kind === "figure"
      ? (result.answer.split("\n").find((line) => /\d/.test(line)) ?? "")
      : result.answer;
  return item.answers.some((expected) => answerAppears(expected, graded));
}

function leadCitationCorrect(item: EvalItem, result: Answer, index: LoadedIndex): boolean | undefined {
  if (!item.doc || item.kind === "unanswerable" || result.status !== "answered") return undefined;
  const lead = result.citations[result.figures[0]?.citation ?? result.deadlines[0]?.citation ?? 0];
  const meta = index.documents.find((document) => document.meta.id === lead?.doc)?.meta;
  return meta?.source === item.doc || meta?.file === item.doc;
}

function isGrounded(result: Answer, today: string): boolean {
  const derived = [today, ...result.deadlines.map((deadline) => deadline.dueDate)];
  return ungroundedNumbers(result.answer, result.citations, derived).length === 0;
}

function groupOf(item: EvalItem): string {
  if (item.lang === "en") return "en";
  return hasDiacritics(item.question) ? "vi" : "vi-unaccented";
}

async function baselineRanker(corpusDir: string): Promise<(question: string) => string[]> {
  const { files } = await loadCorpus(corpusDir);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const passages = (await Promise.all(files.map((file) => splitter.splitText(file.text)))).flat();
  const bm25 = simpleBm25(passages);
  return (question) => bm25(question, 3).map((at) => passages[at] ?? "");
}

async function retrievalRank(
  index: LoadedIndex,
  item: EvalItem,
  embedder?: Embedder,
): Promise<{ rank: number; ms: number }> {
  const documents = index.documentsById;
  const started = performance.now();
  const hits = await search({ index, ...(embedder ? { embedder } : {}) }, item.question, { topK: 3 });
  const ms = performance.now() - started;
  if (!item.quote) return { rank: NO_QUOTE, ms };
  const quote = item.quote;
  return {
    rank: hits.findIndex((hit) =>
      quoteAppears(quote, searchTextOf(hit.chunk, documents.get(hit.chunk.docId))),
    ),
    ms,
  };
}

function share(outcomes: Outcome[], passes: (outcome: Outcome) => boolean | undefined): string {
  const graded = outcomes.filter((outcome) => passes(outcome) !== undefined);
  if (graded.length === 0) return "—";
  const passed = graded.filter((outcome) => passes(outcome) === true).length;
  return `${((100 * passed) / graded.length).toFixed(1)}% (${passed}/${graded.length})`;
}

function byGroup(
  outcomes: Outcome[],
  key: (outcome: Outcome) => string,
  passes: (outcome: Outcome) => boolean | undefined,
) {
  const names = [...new Set(outcomes.map(key))].sort();
  return Object.fromEntries(
    names.map((name) => [
      name,
      share(
        outcomes.filter((outcome) => key(outcome) === name),
        passes,
      ),
    ]),
  );
}

function summarize(outcomes: Outcome[]): Record<string, unknown> {
  const quoted = (outcome: Outcome) => outcome.retrievalRank !== NO_QUOTE;
  const hit1 = (outcome: Outcome) => (quoted(outcome) ? outcome.retrievalRank === 0 : undefined);
  const hit3 = (outcome: Outcome) => (quoted(outcome) ? outcome.retrievalRank >= 0 : undefined);
  const baseline3 = (outcome: Outcome) => (quoted(outcome) ? outcome.baselineRank >= 0 : undefined);
  const kind = (outcome: Outcome) => outcome.item.kind;
  const group = (outcome: Outcome) => outcome.group;
  return {
    answers: share(outcomes, (outcome) => outcome.correct),
    answersByKind: byGroup(outcomes, kind, (outcome) => outcome.correct),
    answersByLanguage: byGroup(outcomes, group, (outcome) => outcome.correct),
    correctRefusals: share(
      outcomes.filter((outcome) => outcome.item.kind === "unanswerable"),
      (outcome) => outcome.correct,
    ),
    leadCitationFromExpectedReport: share(outcomes, (outcome) => outcome.citationCorrect),
    grounded: share(outcomes, (outcome) => outcome.grounded),
    retrievalHit1: share(outcomes, hit1),
    retrievalHit3: share(outcomes, hit3),
    retrievalHit3ByKind: byGroup(outcomes, kind, hit3),
    retrievalHit3ByLanguage: byGroup(outcomes, group, hit3),
    baselineHit1: share(outcomes, (outcome) => (quoted(outcome) ? outcome.baselineRank === 0 : undefined)),
    baselineHit3: share(outcomes, baseline3),
    baselineHit3ByLanguage: byGroup(outcomes, group, baseline3),
    searchMs: percentiles(outcomes.map((outcome) => outcome.searchMs)),
    answerMs: percentiles(outcomes.map((outcome) => outcome.answerMs)),
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "string" }, verbose: { type: "boolean", default: false } },
  });
  const setPath = resolve(positionals[0] ?? DEFAULT_EVAL_SET);
  const logger = createCliLogger();
  const config = loadConfig(processEnv());
  const items = readEvalSet(setPath);
  const deps = await openAnswerDeps(config, logger);
  const { index, embedder } = deps;
  const today = deps.today();
  const baseline = await baselineRanker(config.corpusDir);
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await answer(deps, { question: item.question });
    const answerMs = performance.now() - started;
    const retrieval = await retrievalRank(index, item, embedder);
    const outcome: Outcome = {
      item,
      group: groupOf(item),
      retrievalRank: retrieval.rank,
      baselineRank: item.quote
        ? baseline(item.question).findIndex((passage) => quoteAppears(item.quote ?? "", passage))
        : NO_QUOTE,
      correct: gradeAnswer(item, result),
      citationCorrect: leadCitationCorrect(item, result, index),
      grounded: isGrounded(result, today),
      status: result.status,
      lead: result.answer.split("\n")[0] ?? "",
      answerMs,
      searchMs: retrieval.ms,
    };
    outcomes.push(outcome);
    if (values.verbose || !outcome.correct) {
      const mark = outcome.correct ? "ok  " : "FAIL";
      process.stdout.write(
        `${mark} ${item.id} [${item.kind}/${outcome.group}] ${item.question}\n     → ${result.status}: ${outcome.lead.slice(0, 220)}\n`,
      );
      if (!outcome.correct)
        process.stdout.write(`     expected: ${item.answers.join(" | ") || "not_found"}\n`);
    }
  }
  const summary = {
    set: setPath,
    questions: items.length,
    embeddings: embedder?.modelId ?? "none (lexical only)",
    ...summarize(outcomes),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (values.json) {
    const rows = outcomes.map(({ item, ...rest }) => ({ id: item.id, ...rest }));
    writeFileSync(values.json, JSON.stringify({ summary, outcomes: rows }, null, 2));
  }
  const register = registerSummary(index, today);
  if (register) process.stdout.write(`${register}\n`);
  return 0;
}

process.exitCode = await main();
