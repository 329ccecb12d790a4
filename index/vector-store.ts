import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { DeskError } from "../core/errors";

export interface VectorHit {
  label: number;
  /** Cosine distance: 0 is the same direction, 2 the opposite. */
  distance: number;
}

export interface VectorStore {
  readonly dimensions: number;
  readonly size: number;
  add(label: number, vector: Float32Array): void;
  /** Nearest first; `accept` limits the hits to the labels it returns true for. */
  search(vector: Float32Array, k: number, accept?: (label: number) => boolean): VectorHit[];
  save(dir: string): void;
}

export const VECTORS_FILE = "vectors.hnsw";
export const VECTORS_META_FILE = "vectors.json";

interface VectorsMeta {
  dimensions: number;
  size: number;
}

// hnswlib's defaults (M 16, efConstruction 200) suit a few thousand chunks; a fixed seed makes rebuilt
// indexes identical for identical input.
const M = 16;
const EF_CONSTRUCTION = 200;
const RANDOM_SEED = 100;
// The search beam. hnswlib's default of 10 misses close neighbours once a filter rejects most candidates.
const EF_SEARCH = 100;

type Index = InstanceType<typeof hnswlib.HierarchicalNSW>;

export function createVectorStore(dimensions: number, capacity: number): VectorStore {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
  index.initIndex(Math.max(1, Math.ceil(capacity)), M, EF_CONSTRUCTION, RANDOM_SEED);
  return wrap(index, dimensions);
}

/** Reads what `save` wrote. Throws INDEX_CORRUPT when the files are missing or do not match. */
export function loadVectorStore(dir: string): VectorStore {
  const indexPath = join(dir, VECTORS_FILE);
  const metaPath = join(dir, VECTORS_META_FILE);
  const corrupt = (file: string, problem: string, cause?: unknown): DeskError =>
    new DeskError(
      "INDEX_CORRUPT",
      `Vector index ${file} ${problem}; run npm run ingest to rebuild it`,
      cause === undefined ? undefined : { cause },
    );

  let meta: VectorsMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, "utf8")) as VectorsMeta;
  } catch (error) {
    throw corrupt(metaPath, existsSync(metaPath) ? "is unreadable" : "is missing", error);
  }
  if (!Number.isInteger(meta?.dimensions) || meta.dimensions < 1 || !Number.isInteger(meta.size)) {
    throw corrupt(metaPath, "has no valid dimensions and size");
  }
  if (!existsSync(indexPath)) throw corrupt(indexPath, "is missing");

  const index = new hnswlib.HierarchicalNSW("cosine", meta.dimensions);
  try {
    index.readIndexSync(indexPath);
  } catch (error) {
    throw corrupt(indexPath, "is unreadable", error);
  }
  if (index.getNumDimensions() !== meta.dimensions || index.getCurrentCount() !== meta.size) {
    throw corrupt(
      indexPath,
      `does not match ${VECTORS_META_FILE} (${meta.size} vectors of ${meta.dimensions})`,
    );
  }
  return wrap(index, meta.dimensions);
}

function wrap(index: Index, dimensions: number): VectorStore {
  index.setEf(EF_SEARCH);
  const checkLength = (vector: Float32Array): void => {
    if (vector.length !== dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, the store holds ${dimensions}`);
    }
  };
  return {
    dimensions,
    get size() {
      return index.getCurrentCount();
    },
    add(label, vector) {
      checkLength(vector);
      // Growing by doubling keeps a store created with a low estimate from failing mid-ingest.
      if (index.getCurrentCount() >= index.getMaxElements()) index.resizeIndex(index.getMaxElements() * 2);
      index.addPoint(Array.from(vector), label);
    },
    search(vector, k, accept) {
      checkLength(vector);
      const count = Math.min(Math.floor(k), index.getCurrentCount());
      if (count <= 0) return [];
      if (count > index.getEf()) index.setEf(count);
      const result = accept
        ? index.searchKnn(Array.from(vector), count, accept)
        : index.searchKnn(Array.from(vector), count);
      return result.neighbors.map((label, i) => ({ label, distance: result.distances[i] ?? 2 }));
    },
    save(dir) {
      mkdirSync(dir, { recursive: true });
      const meta: VectorsMeta = { dimensions, size: index.getCurrentCount() };
      // Written beside the target and renamed, so a reader never sees half a file.
      const indexPath = join(dir, VECTORS_FILE);
      index.writeIndexSync(`${indexPath}.tmp`);
      renameSync(`${indexPath}.tmp`, indexPath);
      const metaPath = join(dir, VECTORS_META_FILE);
      writeFileSync(`${metaPath}.tmp`, `${JSON.stringify(meta)}\n`);
      renameSync(`${metaPath}.tmp`, metaPath);
    },
  };
}
