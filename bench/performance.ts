import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort, rssMb, runEntry, waitUntilReady } from "../test/support/server-process";
import { createTinyModel } from "../test/support/tiny-model";
import { type Percentiles, percentiles } from "./percentiles";
import { benchQuestions } from "./questions";
import { writeSyntheticCorpus } from "./synthetic-corpus";

/**
 * `npm run bench [-- --scales 1,10,100]`: ingest and answer speed, memory and scaling on the bundled
 * corpus and on synthetic corpora 10× and 100× larger. Prints a table and writes
 * `bench/results/performance.json`. Not part of `npm test`: it takes minutes.
 */
interface CorpusMeasure {
  documents: number;
  chunks: number;
  ingestMs: number;
  stagesMs: Record<string, number>;
  chunksPerSecond: number;
  reingestMs: number;
  indexBytes: number;
  loadMs: number;
  rssMb: number;
  answer: Percentiles;
  lexicalSearch: Percentiles;
  embedQuery?: Percentiles;
  forcedReingestMs: number;
  /** A server process on this index: time to ready, its memory, `POST /api/ask` one at a time. */
  serving?: { readyMs: number; rssMb: number; http: Percentiles & { errors: number } };
  forcedReingestEmbeddings?: { reused: number; computed: number };
}

const TSX = ["--import", "tsx"];

function measureCorpus(corpusDir: string, indexDir: string, modelDir?: string): CorpusMeasure {
  const args = [...TSX, "bench/measure-corpus.ts", corpusDir, indexDir, ...(modelDir ? [modelDir] : [])];
  const output = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as CorpusMeasure;
}

/** Time from process start to `/readyz` answering 200, and RSS at that moment. */
async function startUp(
  env: Record<string, string>,
): Promise<{ readyMs: number; rssMb: number; url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = runEntry("bot/main.ts", { LOG_LEVEL: "warn", PORT: String(port), ...env });
  await waitUntilReady(url);
  const readyMs = Math.round(performance.now() - started);
  return {
    readyMs,
    rssMb: server.child.pid ? rssMb(server.child.pid) : 0,
    url,
    stop: async () => {
      server.child.kill("SIGTERM");
      await server.exited;
    },
  };
}

async function httpLatency(
  url: string,
  questions: string[],
  concurrency: number,
  total: number,
): Promise<Percentiles & { errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const question = questions[next++ % questions.length] ?? "";
      const started = performance.now();
      const response = await fetch(`${url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      });
      await response.arrayBuffer();
      if (!response.ok) errors++;
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...percentiles(samples), errors };
}

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scales: { type: "string", default: "1,10,100" } } });
  const scales = (values.scales ?? "1").split(",").map(Number);
  const root = mkdtempSync(join(tmpdir(), "figures-desk-bench-"));
  const questions = benchQuestions();

  const byScale: Record<string, CorpusMeasure> = {};
  for (const scale of scales) {
    const corpusDir = scale === 1 ? "corpus" : join(root, `corpus-${scale}x`);
    if (scale !== 1) writeSyntheticCorpus("corpus", corpusDir, scale);
    const indexDir = join(root, `index-${scale}x`, "built");
    const measure = measureCorpus(corpusDir, indexDir);
    // Serving is measured in its own process: the measuring one still holds the memory ingest used.
    const server = await startUp({
      INDEX_DIR: indexDir,
      CORPUS_DIR: corpusDir,
      EMBEDDINGS: "off",
      RATE_LIMIT_MAX: "0",
    });
    await httpLatency(server.url, questions, 1, questions.length);
    measure.serving = {
      readyMs: server.readyMs,
      rssMb: server.rssMb,
      http: await httpLatency(server.url, questions, 1, 200),
    };
    await server.stop();
    byScale[`${scale}x`] = measure;
    process.stderr.write(`measured ${scale}x\n`);
  }

  // No real model can be downloaded here: the "with a model" rows use the tiny test model (16 dimensions),
  // which measures the embedding path's overhead, not a full-size model's speed.
  const modelDir = createTinyModel(join(root, "tiny-model"));
  const withModelIndex = join(root, "index-1x-model", "built");
  byScale["1x+model"] = measureCorpus("corpus", withModelIndex, modelDir);

  const indexDir = join(root, "index-1x", "built");
  const lexical = await startUp({ INDEX_DIR: indexDir, EMBEDDINGS: "off", RATE_LIMIT_MAX: "0" });
  // Warm-up: the first requests compile the hot paths; steady state is what users meet.
  await httpLatency(lexical.url, questions, 1, questions.length * 2);
  const http1 = await httpLatency(lexical.url, questions, 1, 300);
  const http10 = await httpLatency(lexical.url, questions, 10, 600);
  await lexical.stop();
  const withModel = await startUp({
    INDEX_DIR: withModelIndex,
    EMBEDDING_MODEL: "bench-model",
    EMBEDDING_MODEL_DIR: modelDir,
    RATE_LIMIT_MAX: "0",
  });
  await withModel.stop();

  const one = byScale["1x"];
  const modelRow = byScale["1x+model"];
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    scales: byScale,
    startUp: {
      lexicalOnly: { readyMs: lexical.readyMs, rssMb: lexical.rssMb },
      withModel: { readyMs: withModel.readyMs, rssMb: withModel.rssMb },
    },
    http: { concurrency1: http1, concurrency10: http10 },
    answerOverFloor: one ? Math.round((one.answer.p95 / one.lexicalSearch.p95) * 100) / 100 : undefined,
    answerOverFloorWithModel: modelRow
      ? Math.round(
          (modelRow.answer.p95 / (modelRow.lexicalSearch.p95 + (modelRow.embedQuery?.p95 ?? 0))) * 100,
        ) / 100
      : undefined,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/performance.json", `${JSON.stringify(result, null, 2)}\n`);

  const rows: Array<[string, string]> = [];
  for (const [scale, measure] of Object.entries(byScale)) {
    rows.push([
      `${scale} corpus`,
      `${measure.documents} docs, ${measure.chunks} chunks, index ${(measure.indexBytes / 1e6).toFixed(1)} MB`,
    ]);
    rows.push([
      `${scale} ingest`,
      `${measure.ingestMs} ms (${Object.entries(measure.stagesMs)
        .map(([stage, ms]) => `${stage} ${ms}`)
        .join(", ")}), ${measure.chunksPerSecond} chunks/s`,
    ]);
    const reuse = measure.forcedReingestEmbeddings;
    rows.push([
      `${scale} re-ingest`,
      `unchanged ${measure.reingestMs} ms (skipped); forced ${measure.forcedReingestMs} ms${reuse ? `, embeddings ${reuse.reused} reused / ${reuse.computed} computed` : ""}`,
    ]);
    rows.push([`${scale} load (in the ingest process)`, `${measure.loadMs} ms, RSS ${measure.rssMb} MB`]);
    if (measure.serving) {
      const { readyMs, rssMb: servingRss, http } = measure.serving;
      rows.push([`${scale} server: ready, RSS`, `${readyMs} ms, ${servingRss} MB`]);
      rows.push([`${scale} server: /api/ask c=1`, `p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms`]);
    }
    rows.push([
      `${scale} answer()`,
      `p50 ${measure.answer.p50} p95 ${measure.answer.p95} p99 ${measure.answer.p99} ms`,
    ]);
    rows.push([
      `${scale} lexical search (floor)`,
      `p50 ${measure.lexicalSearch.p50} p95 ${measure.lexicalSearch.p95} p99 ${measure.lexicalSearch.p99} ms`,
    ]);
    if (measure.embedQuery)
      rows.push([
        `${scale} embed one query (floor)`,
        `p50 ${measure.embedQuery.p50} p95 ${measure.embedQuery.p95} ms`,
      ]);
  }
  rows.push(["start-up to ready (lexical)", `${lexical.readyMs} ms, RSS ${lexical.rssMb} MB`]);
  rows.push(["start-up to ready (tiny model)", `${withModel.readyMs} ms, RSS ${withModel.rssMb} MB`]);
  rows.push([
    "HTTP /api/ask c=1",
    `p50 ${http1.p50} p95 ${http1.p95} p99 ${http1.p99} ms, ${http1.errors} errors`,
  ]);
  rows.push([
    "HTTP /api/ask c=10",
    `p50 ${http10.p50} p95 ${http10.p95} p99 ${http10.p99} ms, ${http10.errors} errors`,
  ]);
  rows.push([
    "answer p95 / floor p95",
    `${result.answerOverFloor}× lexical-only, ${result.answerOverFloorWithModel}× with the model`,
  ]);
  process.stdout.write(`${table(rows)}\n\nwritten to bench/results/performance.json\n`);
  rmSync(root, { recursive: true, force: true });
}

await main();
