import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeskError } from "../core/errors";
import type { Logger } from "../core/logger";
import type { Chunk } from "../core/types";
import { createFakeEmbedder, type Embedder } from "../index/embedder";
import { loadEmbedder } from "../index/load-embedder";
import { createTransformersEmbedder } from "../index/transformers-embedder";
import { createVectorStore, loadVectorStore } from "../index/vector-store";
import { EMBEDDING_CACHE_FILE, embedChunks, readEmbeddingCache, writeEmbeddingCache } from "../ingest/embed";
import { createTinyModel, TINY_MODEL_DIMENSIONS } from "./support/tiny-model";

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "figures-desk-embedder-"));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface LogLine {
  level: "info" | "warn" | "error" | "debug";
  object: object | string;
  message?: string;
}

function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record =
    (level: LogLine["level"]) =>
    (object: object | string, message?: string): void => {
      lines.push(message === undefined ? { level, object } : { level, object, message });
    };
  return {
    lines,
    logger: { info: record("info"), warn: record("warn"), error: record("error"), debug: record("debug") },
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function norm(vector: Float32Array): number {
  return Math.sqrt(dot(vector, vector));
}

describe("fake embedder", () => {
  it("is deterministic, unit length, and puts texts sharing words close", async () => {
    const embedder = createFakeEmbedder();
    expect(embedder.modelId).toBe("fake-hash-32");
    expect(embedder.dimensions).toBe(32);
    const first = await embedder.embedQuery("Tài khoản định danh điện tử");
    const again = await createFakeEmbedder().embedQuery("Tài khoản định danh điện tử");
    expect([...first]).toEqual([...again]);
    expect(norm(first)).toBeCloseTo(1, 5);

    const [unmarked, related, unrelated] = await embedder.embedPassages([
      "tai khoan dinh danh dien tu",
      "số tài khoản định danh đã kích hoạt",
      "giấy phép lái xe quốc tế",
    ]);
    if (!unmarked || !related || !unrelated) throw new Error("missing vectors");
    expect(dot(first, unmarked)).toBeCloseTo(1, 5);
    expect(dot(first, related)).toBeGreaterThan(dot(first, unrelated));
    expect(norm(await embedder.embedQuery(""))).toBeCloseTo(1, 5);
  });
});

describe("transformers.js embedder on a tiny local model", () => {
  let modelDir: string;
  let embedder: Embedder;

  beforeAll(async () => {
    modelDir = createTinyModel(join(freshDir("models"), "tiny"));
    embedder = await createTransformersEmbedder({ model: "tiny", modelDir, cacheDir: freshDir("cache") });
  });

  it("loads the folder and returns normalized vectors of the model's width", async () => {
    expect(embedder.modelId).toBe("tiny");
    expect(embedder.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    const query = await embedder.embedQuery("số tài khoản định danh điện tử");
    expect(query).toBeInstanceOf(Float32Array);
    expect(query).toHaveLength(TINY_MODEL_DIMENSIONS);
    expect(norm(query)).toBeCloseTo(1, 4);

    // More than one internal batch, in order.
    const texts = Array.from({ length: 20 }, (_, i) => (i % 2 ? "giấy phép lái xe" : "tài khoản định danh"));
    const vectors = await embedder.embedPassages(texts);
    expect(vectors).toHaveLength(20);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 4);
    const [account, licence] = vectors;
    if (!account || !licence) throw new Error("missing vectors");
    expect(dot(query, account)).toBeGreaterThan(dot(query, licence) + 0.2);
    expect(dot(account, vectors[2] ?? new Float32Array())).toBeCloseTo(1, 5);
  });

  it("folds marks and đ the way the index does", async () => {
    const [marked, folded] = await embedder.embedPassages(["Định danh điện tử", "dinh danh dien tu"]);
    if (!marked || !folded) throw new Error("missing vectors");
    expect(dot(marked, folded)).toBeCloseTo(1, 5);
  });

  it("loads through loadEmbedder when EMBEDDING_MODEL_DIR is set", async () => {
    const { logger, lines } = capturingLogger();
    const loaded = await loadEmbedder(
      { enabled: true, model: "tiny", modelDir, cacheDir: freshDir("cache-load") },
      logger,
    );
    expect(loaded?.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    expect(lines.filter((line) => line.level === "warn")).toEqual([]);
    const vector = await loaded?.embedQuery("căn cước công dân");
    expect(vector && norm(vector)).toBeCloseTo(1, 4);
  });
});

describe("loadEmbedder", () => {
  it("warns once, naming the settings to fix, when the model folder does not exist", async () => {
    const { logger, lines } = capturingLogger();
    const embedder = await loadEmbedder(
      {
        enabled: true,
        model: "tiny",
        modelDir: join(root, "no-such-model"),
        cacheDir: freshDir("cache-none"),
      },
      logger,
    );
    expect(embedder).toBeUndefined();
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain("EMBEDDING_MODEL_DIR");
    expect(warnings[0]?.message).toContain("EMBEDDINGS=off");
    expect(JSON.stringify(warnings[0]?.object)).toContain("no-such-model");
  });

  it("warns once when a model folder lacks the ONNX file", async () => {
    const dir = createTinyModel(join(freshDir("broken"), "tiny"));
    rmSync(join(dir, "onnx"), { recursive: true });
    const { logger, lines } = capturingLogger();
    const embedder = await loadEmbedder(
      { enabled: true, model: "tiny", modelDir: dir, cacheDir: freshDir("cache-broken") },
      logger,
    );
    expect(embedder).toBeUndefined();
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.object)).toContain("model.onnx");
  });

  it("gives up after the timeout instead of hanging", async () => {
    const { logger, lines } = capturingLogger();
    const startedAt = Date.now();
    const embedder = await loadEmbedder(
      { enabled: true, model: "Xenova/multilingual-e5-small", cacheDir: freshDir("cache-slow") },
      logger,
      { timeoutMs: 50, create: () => new Promise<Embedder>(() => {}) },
    );
    expect(embedder).toBeUndefined();
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.object)).toContain("longer than");
  });

  it("does not surface a load that fails after the timeout", async () => {
    const { logger, lines } = capturingLogger();
    let fail: (error: Error) => void = () => {};
    const embedder = await loadEmbedder({ enabled: true, model: "m", cacheDir: root }, logger, {
      timeoutMs: 10,
      create: () => new Promise<Embedder>((_, reject) => (fail = reject)),
    });
    fail(new Error("late failure"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(embedder).toBeUndefined();
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
  });

  it("stays silent apart from one info line when embeddings are off", async () => {
    const { logger, lines } = capturingLogger();
    let called = false;
    const embedder = await loadEmbedder({ enabled: false, model: "m", cacheDir: root }, logger, {
      create: async () => {
        called = true;
        return createFakeEmbedder();
      },
    });
    expect(embedder).toBeUndefined();
    expect(called).toBe(false);
    expect(lines.map((line) => line.level)).toEqual(["info"]);
  });
});

describe("vector store", () => {
  it("adds past its capacity, searches with a filter, saves and loads", async () => {
    const embedder = createFakeEmbedder(16);
    const texts = [
      "tài khoản định danh điện tử",
      "căn cước công dân gắn chip",
      "giấy phép lái xe",
      "dịch vụ công trực tuyến toàn trình",
      "tài khoản định danh mức 2",
    ];
    const vectors = await embedder.embedPassages(texts);
    const store = createVectorStore(16, 2);
    expect(store.search(vectors[0] ?? new Float32Array(16), 3)).toEqual([]);
    for (const [label, vector] of vectors.entries()) store.add(label, vector);
    expect(store.size).toBe(5);

    const query = await embedder.embedQuery("tài khoản định danh");
    const hits = store.search(query, 10);
    expect(hits).toHaveLength(5);
    expect([hits[0]?.label, hits[1]?.label].sort()).toEqual([0, 4]);
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]?.distance ?? 0).toBeGreaterThanOrEqual(hits[i - 1]?.distance ?? 0);
    }
    const odd = store.search(query, 10, (label) => label % 2 === 1);
    expect(odd.map((hit) => hit.label).sort()).toEqual([1, 3]);

    const dir = freshDir("vectors");
    store.save(dir);
    const loaded = loadVectorStore(dir);
    expect(loaded.dimensions).toBe(16);
    expect(loaded.size).toBe(5);
    expect(loaded.search(query, 2).map((hit) => hit.label)).toEqual(hits.slice(0, 2).map((hit) => hit.label));
    expect(loaded.search(query, 1, (label) => label === 2)).toEqual([
      { label: 2, distance: expect.any(Number) },
    ]);
    loaded.add(5, vectors[0] ?? new Float32Array(16));
    expect(loaded.size).toBe(6);
  });

  it("reports a missing or broken index as INDEX_CORRUPT with the fix", () => {
    const missing = join(root, "no-vectors");
    expect(() => loadVectorStore(missing)).toThrowError(DeskError);
    try {
      loadVectorStore(missing);
    } catch (error) {
      expect((error as DeskError).code).toBe("INDEX_CORRUPT");
      expect((error as DeskError).message).toContain("vectors.json");
      expect((error as DeskError).message).toContain("npm run ingest");
    }

    const broken = freshDir("broken-vectors");
    writeFileSync(join(broken, "vectors.json"), JSON.stringify({ dimensions: 16, size: 3 }));
    writeFileSync(join(broken, "vectors.hnsw"), "not an index");
    expect(() => loadVectorStore(broken)).toThrowError(/vectors\.hnsw.*npm run ingest/);
  });
});

function chunk(ordinal: number, text: string): Chunk {
  return {
    id: `doc#${ordinal}`,
    docId: "doc",
    text,
    sectionPath: ["II. Kết quả"],
    start: 0,
    end: text.length,
    asOf: "2025-01",
    hash: `hash-${text}`,
  };
}

function countingEmbedder(inner: Embedder): Embedder & { embedded: number } {
  const counter = {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    embedded: 0,
    embedQuery: (text: string) => inner.embedQuery(text),
    embedPassages: async (texts: string[]) => {
      counter.embedded += texts.length;
      return inner.embedPassages(texts);
    },
  };
  return counter;
}

describe("embedChunks", () => {
  const texts = ["tài khoản định danh", "căn cước công dân", "giấy phép lái xe", "dịch vụ công"];

  it("reuses cached vectors across runs and drops the ones no chunk uses", async () => {
    const dir = freshDir("embedding-cache");
    const embedder = countingEmbedder(createFakeEmbedder());
    const chunks = texts.map((text, i) => chunk(i, text));
    // A repeated text is embedded once.
    chunks.push(chunk(4, texts[0] ?? ""));

    const progress: [number, number][] = [];
    const first = await embedChunks(
      chunks,
      embedder,
      readEmbeddingCache(dir, embedder.modelId),
      (done, total) => progress.push([done, total]),
    );
    expect(first).toMatchObject({ reused: 0, computed: 4 });
    expect(first.vectors).toHaveLength(5);
    expect(first.vectors[4]).toEqual(first.vectors[0]);
    expect(progress.at(-1)).toEqual([5, 5]);

    const cache = readEmbeddingCache(dir, embedder.modelId);
    expect(cache.vectors.size).toBe(0);
    await embedChunks(chunks, embedder, cache);
    writeEmbeddingCache(dir, cache);

    const reread = readEmbeddingCache(dir, embedder.modelId);
    expect(reread.vectors.size).toBe(4);
    const before = embedder.embedded;
    const second = await embedChunks(chunks, embedder, reread);
    expect(second).toMatchObject({ reused: 5, computed: 0 });
    expect(embedder.embedded).toBe(before);
    second.vectors.forEach((vector, i) => {
      expect([...vector]).toEqual([...(first.vectors[i] ?? [])]);
    });

    // One chunk changes, one goes away: one new vector, and the stale ones leave the cache.
    const changed = [chunk(0, "tài khoản định danh mức 2"), ...chunks.slice(1, 3)];
    const third = await embedChunks(changed, embedder, reread);
    expect(third).toMatchObject({ reused: 2, computed: 1 });
    expect([...reread.vectors.keys()].sort()).toEqual(changed.map((c) => c.hash).sort());
  });

  it("starts empty for another model or a damaged file", async () => {
    const dir = freshDir("embedding-cache-other");
    const embedder = createFakeEmbedder();
    const cache = readEmbeddingCache(dir, embedder.modelId);
    await embedChunks(
      texts.map((text, i) => chunk(i, text)),
      embedder,
      cache,
    );
    writeEmbeddingCache(dir, cache);
    expect(readEmbeddingCache(dir, embedder.modelId).vectors.size).toBe(4);
    expect(readEmbeddingCache(dir, "other-model").vectors.size).toBe(0);

    writeFileSync(join(dir, EMBEDDING_CACHE_FILE), "garbage");
    expect(readEmbeddingCache(dir, embedder.modelId).vectors.size).toBe(0);
  });
});
