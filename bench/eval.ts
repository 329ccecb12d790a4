import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { answer } from "../bot/answer";
import type { Answer } from "../bot/answer-types";
import { loadConfig, processEnv } from "../core/config";
import { todayInVietnam } from "../core/dates";
import { createCliLogger } from "../core/logger";
import { hasDiacritics } from "../core/text";
import { loadEmbedder } from "../index/load-embedder";
import type { LoadedIndex } from "../index/read";
import { search } from "../index/search";
import { searchTextOf } from "../index/search-text";
import { ensureIndex } from "../ingest/ensure-index";
import { loadCorpus } from "../ingest/load";
import { answerAppears, type EvalItem, quoteAppears, readEvalSet } from "./eval-set";
import { simpleBm25 } from "./simple-bm25";

/**
 * `npm run eval [-- --set file.jsonl --json out.json --verbose]`: measures retrieval (is the expected
 * quote in the top 1/3 passages?) and answers (is the expected answer in the lead line; does an
 * unanswerable question come back not_found?) on a graded question set, beside a baseline of LangChain's
 * default splitter (1000/200) with plain BM25, grouped by question kind and language.
 */
interface Outcome {
  item: EvalItem;
  retrievalRank: number;
  baselineRank: number;
  correct: boolean;
  status: Answer["status"];
  lead: string;
  ms: number;
}

function gradeAnswer(item: EvalItem, result: Answer): boolean {
  if (item.kind === "unanswerable") return result.status === "not_found";
  if (result.status !== "answered") return false;
  // A figure must lead; dates, deadlines and facts may sit anywhere in the answer's quote lines.
  const graded = item.kind === "figure" ? (result.answer.split("\n")[0] ?? "") : result.answer;
  return item.answers.some((expected) => answerAppears(expected, graded));
}

async function baselineRanker(corpusDir: string): Promise<(question: string) => string[]> {
  const { files } = await loadCorpus(corpusDir);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const passages = (await Promise.all(files.map((file) => splitter.splitText(file.text)))).flat();
  const bm25 = simpleBm25(passages);
  return (question) => bm25(question, 3).map((index) => passages[index] ?? "");
}

async function retrievalRank(index: LoadedIndex, item: EvalItem): Promise<number> {
  if (!item.quote) return -2;
  const documents = new Map(index.documents.map((document) => [document.meta.id, document]));
  const hits = await search({ index }, item.question, { topK: 3 });
  return hits.findIndex((hit) =>
    quoteAppears(item.quote ?? "", searchTextOf(hit.chunk, documents.get(hit.chunk.docId))),
  );
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

function summarize(outcomes: Outcome[]): Record<string, unknown> {
  const withQuote = outcomes.filter((outcome) => outcome.retrievalRank !== -2);
  const group = (key: (outcome: Outcome) => string) => {
    const groups = new Map<string, Outcome[]>();
    for (const outcome of outcomes) groups.set(key(outcome), [...(groups.get(key(outcome)) ?? []), outcome]);
    return Object.fromEntries(
      [...groups].map(([name, items]) => [
        name,
        percent(items.filter((item) => item.correct).length, items.length),
      ]),
    );
  };
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  return {
    answers: percent(outcomes.filter((outcome) => outcome.correct).length, outcomes.length),
    answersByKind: group((outcome) => outcome.item.kind),
    answersByLang: group((outcome) =>
      outcome.item.lang === "vi" && !hasDiacritics(outcome.item.question)
        ? "vi-unaccented"
        : outcome.item.lang,
    ),
    retrievalHit1: percent(
      withQuote.filter((outcome) => outcome.retrievalRank === 0).length,
      withQuote.length,
    ),
    retrievalHit3: percent(
      withQuote.filter((outcome) => outcome.retrievalRank >= 0).length,
      withQuote.length,
    ),
    baselineHit1: percent(withQuote.filter((outcome) => outcome.baselineRank === 0).length, withQuote.length),
    baselineHit3: percent(withQuote.filter((outcome) => outcome.baselineRank >= 0).length, withQuote.length),
    answerMsP50: latencies[Math.floor(latencies.length / 2)]?.toFixed(1),
    answerMsMax: latencies.at(-1)?.toFixed(1),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      set: { type: "string", default: "../shared/eval/dev.jsonl" },
      json: { type: "string" },
      verbose: { type: "boolean", default: false },
    },
  });
  const logger = createCliLogger();
  const config = loadConfig(processEnv());
  const items = readEvalSet(resolve(values.set ?? ""));
  const embedder = await loadEmbedder(config.embeddings, logger);
  const { index } = await ensureIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    logger,
    ...(embedder ? { embedder } : {}),
  });
  const baseline = await baselineRanker(config.corpusDir);
  const today = config.today ?? todayInVietnam();
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await answer(
      { index, today: () => today, ...(embedder ? { embedder } : {}) },
      { question: item.question },
    );
    const ms = performance.now() - started;
    const baselineRank = item.quote
      ? baseline(item.question).findIndex((passage) => quoteAppears(item.quote ?? "", passage))
      : -2;
    const outcome: Outcome = {
      item,
      retrievalRank: await retrievalRank(index, item),
      baselineRank,
      correct: gradeAnswer(item, result),
      status: result.status,
      lead: result.answer.split("\n")[0] ?? "",
      ms,
    };
    outcomes.push(outcome);
    if (values.verbose || !outcome.correct) {
      process.stdout.write(
        `${outcome.correct ? "ok  " : "FAIL"} ${item.id} [${item.kind}/${item.lang}] ${item.question}\n     → ${result.status}: ${outcome.lead.slice(0, 220)}\n`,
      );
      if (!outcome.correct)
        process.stdout.write(`     expected: ${item.answers.join(" | ") || "not_found"}\n`);
    }
  }
  const summary = {
    set: values.set,
    embeddings: embedder?.modelId ?? "none (lexical only)",
    ...summarize(outcomes),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (values.json)
    writeFileSync(
      values.json,
      JSON.stringify(
        { summary, outcomes: outcomes.map(({ item, ...rest }) => ({ id: item.id, ...rest })) },
        null,
        2,
      ),
    );
  return 0;
}

process.exitCode = await main();
