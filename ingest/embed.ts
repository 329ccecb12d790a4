import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DeskError } from "../core/errors";
import type { Chunk } from "../core/types";
import type { Embedder } from "../index/embedder";

/** Vectors already computed, by chunk hash, so re-ingesting an unchanged report costs no model time. */
export type EmbeddingCache = { modelId: string; vectors: Map<string, Float32Array> };

export const EMBEDDING_CACHE_FILE = "embeddings-cache.bin";

// File layout: MAGIC, a uint32 (little-endian) header length, a JSON header {modelId, dimensions, hashes},
// zero padding to a multiple of 4, then hashes.length × dimensions float32 values in the same order.
// One file rather than a JSON + binary pair, so the two halves can never come from different runs.
const MAGIC = Buffer.from("EMBCACHE1\n", "latin1");
const EMBED_BATCH = 64;

interface CacheHeader {
  modelId: string;
  dimensions: number;
  hashes: string[];
}

/**
 * The cache for `modelId`. Missing, unreadable or another model's cache all give an empty one: the cache
 * only saves time, so any doubt means recomputing.
 */
export function readEmbeddingCache(dir: string, modelId: string): EmbeddingCache {
  const empty: EmbeddingCache = { modelId, vectors: new Map() };
  let file: Buffer;
  try {
    file = readFileSync(join(dir, EMBEDDING_CACHE_FILE));
  } catch {
    return empty;
  }
  try {
    if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return empty;
    const headerLength = file.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(file.toString("utf8", headerStart, headerStart + headerLength)) as CacheHeader;
    if (header.modelId !== modelId || !Array.isArray(header.hashes)) return empty;
    if (!Number.isInteger(header.dimensions) || header.dimensions < 1) return empty;
    const dataStart = align4(headerStart + headerLength);
    const floats = header.hashes.length * header.dimensions;
    if (file.length !== dataStart + floats * 4) return empty;
    // Copied into a fresh buffer: readFileSync's buffer may sit at an offset Float32Array cannot view.
    const data = new Float32Array(floats);
    for (let i = 0; i < floats; i++) data[i] = file.readFloatLE(dataStart + i * 4);
    const vectors = new Map<string, Float32Array>();
    header.hashes.forEach((hash, i) => {
      vectors.set(hash, data.subarray(i * header.dimensions, (i + 1) * header.dimensions));
    });
    return { modelId, vectors };
  } catch {
    return empty;
  }
}

export function writeEmbeddingCache(dir: string, cache: EmbeddingCache): void {
  const entries = [...cache.vectors];
  const dimensions = entries[0]?.[1].length ?? 1;
  const kept = entries.filter(([, vector]) => vector.length === dimensions);
  const header: CacheHeader = { modelId: cache.modelId, dimensions, hashes: kept.map(([hash]) => hash) };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const dataStart = align4(MAGIC.length + 4 + headerBytes.length);
  const file = Buffer.alloc(dataStart + kept.length * dimensions * 4);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(file, MAGIC.length + 4);
  let offset = dataStart;
  for (const [, vector] of kept) {
    for (const value of vector) offset = file.writeFloatLE(value, offset);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, EMBEDDING_CACHE_FILE);
  writeFileSync(`${path}.tmp`, file);
  renameSync(`${path}.tmp`, path);
}

/** What the model sees for a chunk: its headings give a short passage the topic it leaves implicit. */
export function embeddingText(chunk: Chunk): string {
  return chunk.sectionPath.length > 0 ? `${chunk.sectionPath.join(" > ")}\n${chunk.text}` : chunk.text;
}

/**
 * One vector per chunk, in order. Chunks whose hash is cached are reused; the rest are embedded in batches.
 * Afterwards the cache holds exactly this run's chunks, so it never grows with deleted reports.
 */
export async function embedChunks(
  chunks: Chunk[],
  embedder: Embedder,
  cache: EmbeddingCache,
  onProgress?: (done: number, total: number) => void,
): Promise<{ vectors: Float32Array[]; reused: number; computed: number }> {
  if (cache.modelId !== embedder.modelId) {
    cache.modelId = embedder.modelId;
    cache.vectors.clear();
  }
  const total = chunks.length;
  const found = new Map<string, Float32Array>();
  const pending = new Map<string, string>();
  let reused = 0;
  for (const chunk of chunks) {
    const cached = cache.vectors.get(chunk.hash);
    if (cached && cached.length === embedder.dimensions) {
      found.set(chunk.hash, cached);
      reused++;
    } else if (!pending.has(chunk.hash)) {
      pending.set(chunk.hash, embeddingText(chunk));
    }
  }
  // Chunks that repeat a pending hash are done once their twin is; count them with it.
  let done = reused;
  onProgress?.(done, total);

  const queue = [...pending];
  const repeats = new Map<string, number>();
  for (const chunk of chunks) {
    if (pending.has(chunk.hash)) repeats.set(chunk.hash, (repeats.get(chunk.hash) ?? 0) + 1);
  }
  for (let start = 0; start < queue.length; start += EMBED_BATCH) {
    const batch = queue.slice(start, start + EMBED_BATCH);
    const vectors = await embedder.embedPassages(batch.map(([, text]) => text));
    batch.forEach(([hash], i) => {
      const vector = vectors[i];
      if (!vector) {
        throw new DeskError(
          "INTERNAL",
          `Embedder returned ${vectors.length} vectors for ${batch.length} texts`,
        );
      }
      found.set(hash, vector);
      // Kept at once, so a caller that saves the cache after a failed batch keeps the work already done.
      cache.vectors.set(hash, vector);
      done += repeats.get(hash) ?? 1;
    });
    onProgress?.(done, total);
  }

  for (const hash of cache.vectors.keys()) {
    if (!found.has(hash)) cache.vectors.delete(hash);
  }

  const vectors = chunks.map((chunk) => {
    const vector = found.get(chunk.hash);
    if (!vector) throw new DeskError("INTERNAL", `No vector for chunk ${chunk.id}`);
    return vector;
  });
  return { vectors, reused, computed: pending.size };
}

function align4(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}
