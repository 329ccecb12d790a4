import { fold, normalizeText } from "../core/text";

/**
 * Turns text into unit-length vectors for semantic search. Queries and passages go through separate calls
 * because retrieval models such as e5 expect a different prefix on each side.
 */
export interface Embedder {
  /** Names the model, so vectors built with one model are never searched with another. */
  readonly modelId: string;
  readonly dimensions: number;
  embedQuery(text: string): Promise<Float32Array>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A deterministic stand-in for a real model: folded words hashed into buckets, then L2-normalized.
 * Texts that share words get close vectors, which is all the unit tests need, and it loads instantly.
 */
export function createFakeEmbedder(dimensions = 32): Embedder {
  if (!Number.isInteger(dimensions) || dimensions < 2) {
    throw new RangeError(`dimensions must be an integer >= 2, got ${dimensions}`);
  }
  const embed = (text: string): Float32Array => {
    const vector = new Float32Array(dimensions);
    for (const word of fold(normalizeText(text)).match(WORD) ?? []) {
      const hash = fnv1a(word);
      // A sign bit drawn from the hash keeps unrelated words from all pushing the same way.
      vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + ((hash >>> 31) & 1 ? -1 : 1);
    }
    return normalize(vector);
  };
  return {
    modelId: `fake-hash-${dimensions}`,
    dimensions,
    embedQuery: async (text) => embed(text),
    embedPassages: async (texts) => texts.map(embed),
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  // An empty text (or words that cancel out) still needs a unit vector: cosine search divides by the norm.
  if (sum === 0) {
    vector[0] = 1;
    return vector;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}
