import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../answer/answer";
import { silentLogger } from "../core/logger";
import type { Embedder } from "../index/embedder";
import { createFakeEmbedder } from "../index/embedder";
import { loadEmbedder } from "../index/load-embedder";
import { type LoadedIndex, readIndex } from "../index/read";
import { search } from "../index/search";
import { runIngest } from "../ingest/pipeline";
import { TEST_TODAY, testIndex } from "./support/desk";
import { createTinyModel } from "./support/tiny-model";

/**
 * The real embedding path end to end on the real corpus: a model in transformers.js layout loaded from a
 * local folder, every chunk embedded at ingest, vectors written to hnswlib and read back, and hybrid
 * search fusing them with BM25.
 */
let embedder: Embedder;
let index: LoadedIndex;
let indexDir: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "hybrid-"));
  const modelDir = createTinyModel(join(root, "model"));
  const loaded = await loadEmbedder(
    { enabled: true, model: "tiny", modelDir, cacheDir: join(root, "cache") },
    silentLogger,
  );
  if (!loaded) throw new Error("the tiny model did not load");
  embedder = loaded;
  indexDir = join(root, "index", "built");
  await runIngest({ corpusDir: "corpus", indexDir, logger: silentLogger, embedder });
  index = readIndex(indexDir);
});

describe("hybrid search with a real (tiny) model", () => {
  it("persists one vector per chunk and loads them with the index", () => {
    expect(index.manifest.embedding).toEqual({ model: "tiny", dimensions: embedder.dimensions });
    expect(index.vectors?.size).toBe(index.chunks.length);
  });

  it("fuses vector and lexical rankings", async () => {
    const hits = await search({ index, embedder }, "co bao nhieu tai khoan vneid", { topK: 10 });
    expect(hits.some((hit) => hit.vectorRank !== undefined)).toBe(true);
    expect(hits.some((hit) => hit.lexicalRank !== undefined)).toBe(true);
  });

  it("filters by document and as-of date on both sides", async () => {
    const hits = await search({ index, embedder }, "tài khoản định danh điện tử", {
      topK: 10,
      filters: { asOfFrom: "2025-01", asOfTo: "2025-01" },
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.chunk.docId === "bao-cao-290-bc-tcttkda-2025-02-04")).toBe(true);
  });

  it("still answers with the exact figure", async () => {
    const result = await answer(
      { index, embedder, today: () => TEST_TODAY },
      { question: "co bao nhieu tai khoan vneid" },
    );
    expect(result.figures[0]?.text).toBe("67 triệu");
  });

  it("re-embeds nothing when the corpus has not changed", async () => {
    const report = await runIngest({ corpusDir: "corpus", indexDir, logger: silentLogger, embedder });
    expect(report.embeddings).toMatchObject({ computed: 0, reused: index.chunks.length });
  });
});

describe("an index built without vectors", () => {
  it("gives exactly the lexical ranking even when a model is loaded", async () => {
    const lexicalOnly = testIndex();
    const questions = [
      "co bao nhieu tai khoan vneid",
      "tỷ lệ kích hoạt trên tổng số hồ sơ thu nhận",
      "bao nhiêu tổ công tác cấp xã",
    ];
    for (const question of questions) {
      const plain = await search({ index: lexicalOnly }, question, { topK: 3 });
      const fused = await search({ index: lexicalOnly, embedder: createFakeEmbedder() }, question, {
        topK: 3,
      });
      // Without stored vectors the embedder is unused: lexical-only search is unchanged.
      expect(fused.map((hit) => hit.chunk.id)).toEqual(plain.map((hit) => hit.chunk.id));
    }
  });
});
