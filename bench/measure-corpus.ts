import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { answer } from "../answer/answer";
import { silentLogger } from "../core/logger";
import type { Embedder } from "../index/embedder";
import { readIndex } from "../index/read";
import { search } from "../index/search";
import { createTransformersEmbedder } from "../index/transformers-embedder";
import { ensureIndex } from "../ingest/ensure-index";
import { runIngest } from "../ingest/pipeline";
import { percentiles, timeEach } from "./percentiles";
import { benchQuestions } from "./questions";

/**
 * One corpus in a fresh process (so memory is this corpus's alone): ingest it, re-ingest it unchanged,
 * load the index, and time answers, bare searches and (with a model) query embeddings. Prints one JSON
 * line. Used by `npm run bench`.
 *
 * `tsx bench/measure-corpus.ts <corpusDir> <indexDir> [modelDir]`
 */
function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

async function main(): Promise<void> {
  const [corpusDir = "corpus", indexDir = "index/bench", modelDir] = process.argv.slice(2);
  const embedder: Embedder | undefined = modelDir
    ? await createTransformersEmbedder({
        model: "bench-model",
        modelDir,
        cacheDir: join(indexDir, "..", "cache"),
      })
    : undefined;
  const options = { corpusDir, indexDir, logger: silentLogger, ...(embedder ? { embedder } : {}) };
  const questions = benchQuestions();

  const first = await runIngest(options);
  const unchangedStarted = performance.now();
  const unchanged = await ensureIndex(options);
  const unchangedMs = Math.round(performance.now() - unchangedStarted);
  if (unchanged.report) throw new Error("an unchanged corpus was rebuilt");
  // A forced rebuild of an unchanged corpus must take every embedding from the content-hash cache.
  const forced = await runIngest(options);

  const loadStarted = performance.now();
  const index = readIndex(indexDir);
  const loadMs = performance.now() - loadStarted;
  const deps = { index, today: () => "2025-02-15", ...(embedder ? { embedder } : {}) };
  // Warm-up: the first query builds per-index lookups once.
  for (const question of questions) await answer(deps, { question });
  const runs = Math.max(3, Math.ceil(200 / questions.length)) * questions.length;
  const questionAt = (at: number) => questions[at % questions.length] ?? "";
  const answerMs = await timeEach(runs, (at) => answer(deps, { question: questionAt(at) }));
  const searchMs = await timeEach(runs, (at) => search({ index }, questionAt(at), { topK: 15 }));
  const embedMs = embedder ? await timeEach(runs, (at) => embedder.embedQuery(questionAt(at))) : [];
  const result = {
    documents: first.documents,
    chunks: first.chunks,
    ingestMs: first.totalMs,
    stagesMs: first.timingsMs,
    chunksPerSecond: Math.round((first.chunks / first.totalMs) * 1000),
    reingestMs: unchangedMs,
    forcedReingestMs: forced.totalMs,
    ...(forced.embeddings ? { forcedReingestEmbeddings: forced.embeddings } : {}),
    indexBytes: folderBytes(index.dir),
    loadMs: Math.round(loadMs),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    answer: percentiles(answerMs),
    lexicalSearch: percentiles(searchMs),
    ...(embedder ? { embedQuery: percentiles(embedMs) } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
