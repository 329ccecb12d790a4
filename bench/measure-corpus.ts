import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { answer } from "../bot/answer";
import { silentLogger } from "../core/logger";
import { readIndex } from "../index/read";
import { search } from "../index/search";
import { ensureIndex } from "../ingest/ensure-index";
import { runIngest } from "../ingest/pipeline";
import { percentiles, timeEach } from "./percentiles";
import { benchQuestions } from "./questions";

/**
 * One corpus in a fresh process (so memory is this corpus's alone): ingest it, re-ingest it unchanged,
 * load the index, and time answers and bare searches. Prints one JSON line. Used by `npm run bench`.
 *
 * `tsx bench/measure-corpus.ts <corpusDir> <indexDir>`
 */
function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

async function main(): Promise<void> {
  const [corpusDir = "corpus", indexDir = "index/bench"] = process.argv.slice(2);
  const questions = benchQuestions();
  const first = await runIngest({ corpusDir, indexDir, logger: silentLogger });
  const secondStarted = performance.now();
  const second = await ensureIndex({ corpusDir, indexDir, logger: silentLogger });
  const reingestMs = Math.round(performance.now() - secondStarted);
  if (second.report) throw new Error("an unchanged corpus was rebuilt");
  const loadStarted = performance.now();
  const index = readIndex(indexDir);
  const loadMs = performance.now() - loadStarted;
  const deps = { index, today: () => "2025-02-15" };
  // Warm-up: the first query builds per-index lookups once.
  for (const question of questions) await answer(deps, { question });
  const rounds = Math.max(3, Math.ceil(200 / questions.length));
  const answerMs = await timeEach(rounds * questions.length, (at) => answer(deps, { question: questions[at % questions.length] ?? "" }));
  const searchMs = await timeEach(rounds * questions.length, (at) => search({ index }, questions[at % questions.length] ?? "", { topK: 15 }));
  const result = {
    documents: first.documents,
    chunks: first.chunks,
    ingestMs: first.totalMs,
    stagesMs: first.timingsMs,
    chunksPerSecond: Math.round((first.chunks / first.totalMs) * 1000),
    reingestMs,
    indexBytes: folderBytes(index.dir),
    loadMs: Math.round(loadMs),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    answer: percentiles(answerMs),
    lexicalSearch: percentiles(searchMs),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
