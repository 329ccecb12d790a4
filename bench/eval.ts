import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { buildApp } from "../bot/app";
import { openAnswerDeps } from "../bot/open-answer-deps";
import { loadConfig, processEnv } from "../core/config";
import { createCliLogger } from "../core/logger";
import { hasDiacritics } from "../core/text";
import type { Embedder } from "../index/embedder";
import type { LoadedIndex } from "../index/read";
import { search } from "../index/search";
import { searchTextOf } from "../index/search-text";
import { loadCorpus } from "../ingest/load";
import { type EvalItem, quoteAppears, readEvalSet } from "./eval-set";
import { percentiles } from "./percentiles";
import { DEFAULT_EVAL_SET } from "./questions";
import { registerSummary } from "./register-summary";
import { simpleBm25 } from "./simple-bm25";

/**
 * `npm run eval [-- file.jsonl] [--verbose]`: how well the desk answers, graded the way every set is
 * graded — by the shared graders (`ask-eval.mjs`) against the service over HTTP, as any client sees it:
 * - the graded set (default `../shared/eval/dev.jsonl`): the table by kind and language, the misses with
 *   `--verbose`;
 * - the held-out sets, totals only: `check.jsonl` beside it and the project's own held-out half
 *   (`bench/graded/extra-holdout*.jsonl`), never fitted on;
 * - retrieval: is the expected quote in the top 1 / top 3 passages, beside LangChain's default recipe
 *   (1000/200 character chunks, plain BM25), and how long search and answers take;
 * - the deadline register's recall, precision and bodies against `../shared/eval/deadlines.jsonl`.
 */
const OWN_HELD_OUT = resolve("bench/graded");
const HELD_OUT = [
  "check.jsonl",
  ...readdirSync(OWN_HELD_OUT)
    .filter((name) => /^extra-holdout-.*\.jsonl$/.test(name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((name) => join(OWN_HELD_OUT, name)),
];
const NO_QUOTE = -2;

async function baselineRanker(corpusDir: string): Promise<(question: string) => string[]> {
  const { files } = await loadCorpus(corpusDir);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const passages = (await Promise.all(files.map((file) => splitter.splitText(file.text)))).flat();
  const bm25 = simpleBm25(passages);
  return (question) => bm25(question, 3).map((at) => passages[at] ?? "");
}

async function retrievalRank(index: LoadedIndex, item: EvalItem, embedder?: Embedder) {
  const started = performance.now();
  const hits = await search({ index, ...(embedder ? { embedder } : {}) }, item.question, { topK: 3 });
  const ms = performance.now() - started;
  const quote = item.quote;
  if (!quote) return { rank: NO_QUOTE, ms };
  return {
    rank: hits.findIndex((hit) =>
      quoteAppears(quote, searchTextOf(hit.chunk, index.documentsById.get(hit.chunk.docId))),
    ),
    ms,
  };
}

function share(ranks: number[], passes: (rank: number) => boolean): string {
  const quoted = ranks.filter((rank) => rank !== NO_QUOTE);
  const passed = quoted.filter(passes).length;
  return quoted.length ? `${((100 * passed) / quoted.length).toFixed(1)}% (${passed}/${quoted.length})` : "—";
}

const groupOf = (item: EvalItem) =>
  item.lang === "en" ? "en" : hasDiacritics(item.question) ? "vi" : "vi-unaccented";

async function retrievalTable(
  items: EvalItem[],
  index: LoadedIndex,
  corpusDir: string,
  embedder?: Embedder,
): Promise<void> {
  const baseline = await baselineRanker(corpusDir);
  const ours: number[] = [];
  const theirs: number[] = [];
  const searchMs: number[] = [];
  const groups = new Map<string, { ours: number[]; theirs: number[] }>();
  for (const item of items) {
    const found = await retrievalRank(index, item, embedder);
    const quote = item.quote;
    const base = quote
      ? baseline(item.question).findIndex((passage) => quoteAppears(quote, passage))
      : NO_QUOTE;
    ours.push(found.rank);
    theirs.push(base);
    searchMs.push(found.ms);
    const group = groups.get(groupOf(item)) ?? { ours: [], theirs: [] };
    group.ours.push(found.rank);
    group.theirs.push(base);
    groups.set(groupOf(item), group);
  }
  const top1 = (rank: number) => rank === 0;
  const top3 = (rank: number) => rank >= 0;
  process.stdout.write(
    `\nretrieval (expected passage among the search hits)\n  ours: first ${share(ours, top1)}, top 3 ${share(ours, top3)}; LangChain 1000/200 + BM25: first ${share(theirs, top1)}, top 3 ${share(theirs, top3)}\n`,
  );
  for (const [group, ranks] of groups)
    process.stdout.write(
      `  ${group.padEnd(14)} top 3: ours ${share(ranks.ours, top3)}, LangChain ${share(ranks.theirs, top3)}\n`,
    );
  const { p50, p95 } = percentiles(searchMs);
  process.stdout.write(`  search p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms\n`);
}

/**
 * Runs a shared grader against the service (served by this process, so not a blocking call); its output
 * is the table, its exit code whether it could grade.
 */
async function grade(graders: string, script: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, [join(graders, script), ...args], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise<number>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => done(code ?? 1));
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: "boolean", default: false } },
  });
  const setPath = resolve(positionals[0] ?? DEFAULT_EVAL_SET);
  const graders = dirname(setPath);
  if (!existsSync(join(graders, "ask-eval.mjs"))) {
    process.stderr.write(
      `npm run eval grades with the shared graders, and ${join(graders, "ask-eval.mjs")} is not there. Put the shared eval folder beside the project (../shared/eval) or name a graded set inside one.\n`,
    );
    return 2;
  }
  const logger = createCliLogger();
  const config = loadConfig(processEnv());
  const deps = await openAnswerDeps(config, logger);
  const app = await buildApp({ desk: () => deps, logger: false, rateLimit: { max: 0, windowMs: 60_000 } });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  let failed = 0;
  try {
    process.stdout.write(
      `graded set ${setPath} (embeddings: ${deps.embedder?.modelId ?? "none, lexical only"})\n`,
    );
    failed ||= await grade(graders, "ask-eval.mjs", [
      "--gold",
      setPath,
      "--http",
      url,
      ...(values.verbose ? [] : ["--summary"]),
    ]);
    for (const heldOut of HELD_OUT) {
      const path = resolve(graders, heldOut);
      if (!existsSync(path)) continue;
      process.stdout.write(`\nheld out, totals only: ${path}\n`);
      failed ||= await grade(graders, "ask-eval.mjs", ["--gold", path, "--http", url, "--summary"]);
    }
    await retrievalTable(readEvalSet(setPath), deps.index, config.corpusDir, deps.embedder);
    const register = registerSummary(deps.index, deps.today());
    if (register) process.stdout.write(`\n${register}\n`);
  } finally {
    await app.close();
  }
  return failed;
}

process.exitCode = await main();
