import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DeskError, describeError } from "../core/errors";
import { type TokenFields, tokenize } from "./tokenize";

/**
 * BM25 over two fields of every chunk: syllables and syllable pairs as printed, and the same folded
 * (no marks). Our own index rather than MiniSearch or Orama because both fields need Vietnamese syllable
 * pairs and folding that their tokenizer hooks make awkward to keep consistent between index and query,
 * and because the index must load fast at any size: postings are one binary file per field.
 */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export type FieldName = keyof TokenFields;
export const FIELDS: FieldName[] = ["exact", "folded"];

/** Query terms with a weight each, per field. */
export type WeightedQuery = Record<FieldName, Map<string, number>>;

interface FieldIndex {
  postings: Map<string, Int32Array>;
  lengths: Float64Array;
  /** Per chunk, BM25's length normalisation `k1·(1 − b + b·length/average)`: the same for every query. */
  norms: Float64Array;
}

function fieldIndex(postings: Map<string, Int32Array>, lengths: Float64Array): FieldIndex {
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  const norms = lengths.map((length) => BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
  return { postings, lengths, norms };
}

export const LEXICAL_FILE = "lexical.json";
const postingsFile = (field: FieldName) => `lexical-${field}.bin`;

export interface LexicalIndexData {
  version: 2;
  documentCount: number;
  /** Per field: the terms, where each term's (chunk, count) pairs start in the postings file, chunk lengths. */
  fields: Record<FieldName, { terms: string[]; starts: number[]; lengths: number[] }>;
}

function writeOrFail(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new DeskError(
      "WRITE_FAILED",
      `Cannot write ${path}: ${describeError(error)}. Check that the disk has space; the previous index is still in use.`,
    );
  }
}

export interface LexicalHit {
  index: number;
  score: number;
}

function buildField(termLists: string[][]): FieldIndex {
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, documentIndex) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) {
        list = [];
        postings.set(term, list);
      }
      list.push(documentIndex, count);
    }
  });
  return fieldIndex(
    new Map([...postings].map(([term, list]) => [term, Int32Array.from(list)])),
    Float64Array.from(termLists.map((terms) => terms.length)),
  );
}

/**
 * The best `topK` of the touched chunks, best first. A large corpus touches tens of thousands of chunks
 * per query: keeping a small sorted buffer avoids an object per chunk and a full sort.
 */
function topScores(
  scores: Float64Array,
  touched: number[],
  topK: number,
  filter?: (index: number) => boolean,
): LexicalHit[] {
  const best: LexicalHit[] = [];
  for (const index of touched) {
    const score = scores[index] ?? 0;
    if (score <= 0) continue;
    if (best.length === topK && score <= (best.at(-1)?.score ?? 0)) continue;
    if (filter && !filter(index)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--;
    best.splice(at, 0, { index, score });
    if (best.length > topK) best.pop();
  }
  return best;
}

export class LexicalIndex {
  private scores: Float64Array | undefined;

  private constructor(
    readonly documentCount: number,
    private readonly fields: Record<FieldName, FieldIndex>,
  ) {}

  /** Indexes one text per chunk (the caller decides what goes in: section path, text, footnotes). */
  static build(texts: string[]): LexicalIndex {
    const tokenized = texts.map(tokenize);
    return new LexicalIndex(texts.length, {
      exact: buildField(tokenized.map((fields) => fields.exact)),
      folded: buildField(tokenized.map((fields) => fields.folded)),
    });
  }

  /**
   * Reads `lexical.json` (terms, where each term's postings start, chunk lengths) and one binary file of
   * postings per field. Postings stay views into that file's buffer: loading a large index costs one read,
   * not millions of parsed numbers.
   */
  static load(dir: string): LexicalIndex {
    const source = join(dir, LEXICAL_FILE);
    const rebuild = "Run `npm run ingest` to rebuild it.";
    let data: LexicalIndexData;
    try {
      data = JSON.parse(readFileSync(source, "utf8")) as LexicalIndexData;
    } catch (error) {
      throw new DeskError(
        "INDEX_CORRUPT",
        `${source} is missing, corrupt or truncated (${describeError(error)}). ${rebuild}`,
      );
    }
    if (data?.version !== 2 || !data.fields?.exact || !data.fields?.folded) {
      throw new DeskError(
        "INDEX_CORRUPT",
        `${source} is not a lexical index this version can read. ${rebuild}`,
      );
    }
    const restore = (name: FieldName): FieldIndex => {
      const field = data.fields[name];
      const path = join(dir, postingsFile(name));
      let all: Int32Array;
      try {
        // Copied into a fresh buffer: an Int32Array view needs a byte offset that is a multiple of 4.
        all = new Int32Array(new Uint8Array(readFileSync(path)).buffer);
      } catch (error) {
        throw new DeskError("INDEX_CORRUPT", `${path} cannot be read (${describeError(error)}). ${rebuild}`);
      }
      if (field.starts.length !== field.terms.length + 1 || field.starts.at(-1) !== all.length) {
        throw new DeskError("INDEX_CORRUPT", `${path} does not match ${source}. ${rebuild}`);
      }
      return fieldIndex(
        new Map(field.terms.map((term, at) => [term, all.subarray(field.starts[at], field.starts[at + 1])])),
        Float64Array.from(field.lengths),
      );
    };
    return new LexicalIndex(data.documentCount, { exact: restore("exact"), folded: restore("folded") });
  }

  /** Writes the index into a build folder (see `load`). */
  save(dir: string): void {
    const fields = {} as LexicalIndexData["fields"];
    for (const name of FIELDS) {
      const field = this.fields[name];
      const lists = [...field.postings.values()];
      const starts = [0];
      for (const list of lists) starts.push((starts.at(-1) ?? 0) + list.length);
      const all = new Int32Array(starts.at(-1) ?? 0);
      lists.forEach((list, at) => {
        all.set(list, starts[at]);
      });
      writeOrFail(join(dir, postingsFile(name)), new Uint8Array(all.buffer));
      fields[name] = { terms: [...field.postings.keys()], starts, lengths: Array.from(field.lengths) };
    }
    const data: LexicalIndexData = { version: 2, documentCount: this.documentCount, fields };
    writeOrFail(join(dir, LEXICAL_FILE), JSON.stringify(data));
  }

  /** How many chunks contain the term (0 when none): rare terms decide what a question is about. */
  documentFrequency(field: FieldName, term: string): number {
    return (this.fields[field].postings.get(term)?.length ?? 0) / 2;
  }

  inverseDocumentFrequency(field: FieldName, term: string): number {
    const frequency = this.documentFrequency(field, term);
    return Math.log(1 + (this.documentCount - frequency + 0.5) / (frequency + 0.5));
  }

  /** BM25 scores of every chunk with at least one query term, best first. */
  search(query: WeightedQuery, topK: number, filter?: (index: number) => boolean): LexicalHit[] {
    // One score buffer for every search (searches are synchronous): a large corpus would otherwise
    // allocate, and collect, an array the size of the corpus per query.
    this.scores ??= new Float64Array(this.documentCount);
    const { scores } = this;
    const touched: number[] = [];
    for (const fieldName of FIELDS) {
      const field = this.fields[fieldName];
      for (const [term, weight] of query[fieldName]) {
        const postings = field.postings.get(term);
        if (!postings || weight === 0) continue;
        const weighted = weight * this.inverseDocumentFrequency(fieldName, term);
        const { norms } = field;
        for (let at = 0; at < postings.length; at += 2) {
          const documentIndex = postings[at] as number;
          const frequency = postings[at + 1] as number;
          const before = scores[documentIndex] as number;
          if (before === 0) touched.push(documentIndex);
          scores[documentIndex] =
            before + (weighted * frequency * (BM25_K1 + 1)) / (frequency + (norms[documentIndex] as number));
        }
      }
    }
    const hits = topScores(scores, touched, topK, filter);
    for (const index of touched) scores[index] = 0;
    return hits;
  }
}
