import { endOfIsoPeriod, startOfIsoPeriod } from "../core/dates";
import { fold } from "../core/text";
import type { Chunk, CleanDocument, Deadline, DocumentKind, Figure } from "../core/types";
import { ChunkWords } from "./chunk-words";
import { coverageScore } from "./coverage";
import type { Embedder } from "./embedder";
import { type QueryPlan, understandQuestion } from "./query";
import type { LoadedIndex } from "./read";
import { coverageTextOf } from "./search-text";

/**
 * Hybrid search: BM25 over the lexical index and, when a model is loaded, nearest neighbours in the vector
 * index, fused by reciprocal rank; then re-ranked by how much of the question each chunk covers and by
 * the document and time the question names.
 */
export interface SearchFilters {
  docIds?: string[];
  /** Keep chunks whose document's as-of date falls in [asOfFrom, asOfTo] (partial ISO dates). */
  asOfFrom?: string;
  asOfTo?: string;
  kinds?: DocumentKind[];
}

export interface SearchOptions {
  topK?: number;
  filters?: SearchFilters;
}

export interface SearchHit {
  chunk: Chunk;
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
  /** Share of the question's concepts the chunk contains (0..1). */
  coverage: number;
  figures: Figure[];
  deadlines: Deadline[];
}

export interface SearchDeps {
  index: LoadedIndex;
  embedder?: Embedder;
}

/** Reciprocal rank fusion constant: 60 is the value from the original paper and works without tuning. */
const RRF_K = 60;
const CANDIDATES = 60;
const COVERAGE_WEIGHT = 0.6;
const FUSION_WEIGHT = 0.4;

interface Lookups {
  documents: Map<string, CleanDocument>;
  chunksByDocument: Map<string, Chunk[]>;
  figuresByChunk: Map<string, Figure[]>;
  deadlinesByChunk: Map<string, Deadline[]>;
  foldedSearchText: string[];
  chunkWords: ChunkWords;
}

const lookups = new WeakMap<LoadedIndex, Lookups>();

function lookupsFor(index: LoadedIndex): Lookups {
  let found = lookups.get(index);
  if (found) return found;
  const documents = index.documentsById;
  const group = <T>(items: T[], keyOf: (item: T) => string) => {
    const byKey = new Map<string, T[]>();
    for (const item of items) {
      const key = keyOf(item);
      const list = byKey.get(key);
      if (list) list.push(item);
      else byKey.set(key, [item]);
    }
    return byKey;
  };
  const foldedSearchText = index.chunks.map((chunk) =>
    fold(coverageTextOf(chunk, documents.get(chunk.docId))),
  );
  found = {
    documents,
    chunksByDocument: group(index.chunks, (chunk) => chunk.docId),
    figuresByChunk: group(index.figures, (figure) => figure.chunkId),
    deadlinesByChunk: group(index.deadlines, (deadline) => deadline.chunkId),
    foldedSearchText,
    chunkWords: new ChunkWords(foldedSearchText),
  };
  lookups.set(index, found);
  return found;
}

function chunkFilter(
  index: LoadedIndex,
  documents: Map<string, CleanDocument>,
  filters: SearchFilters,
): (position: number) => boolean {
  const from = filters.asOfFrom ? startOfIsoPeriod(filters.asOfFrom) : undefined;
  const to = filters.asOfTo ? endOfIsoPeriod(filters.asOfTo) : undefined;
  return (position) => {
    const chunk = index.chunks[position];
    if (!chunk) return false;
    const meta = documents.get(chunk.docId)?.meta;
    if (!meta) return false;
    if (filters.docIds && filters.docIds.length > 0 && !filters.docIds.includes(meta.id)) return false;
    if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(meta.kind)) return false;
    if (from && endOfIsoPeriod(meta.asOf) < from) return false;
    if (to && startOfIsoPeriod(meta.asOf) > to) return false;
    return true;
  };
}

/**
 * The chunk that holds a document offset, as a hit standing in for the one that led to it: a footnote
 * the hit's sentence points to ("58 CSDL²⁹") may sit in a chunk the search did not return.
 */
export function hitAt(
  index: LoadedIndex,
  docId: string,
  offset: number,
  from: SearchHit,
): SearchHit | undefined {
  const { chunksByDocument, figuresByChunk, deadlinesByChunk } = lookupsFor(index);
  const chunk = chunksByDocument
    .get(docId)
    ?.find((candidate) => candidate.start <= offset && offset < candidate.end);
  if (!chunk) return undefined;
  return {
    ...from,
    chunk,
    figures: figuresByChunk.get(chunk.id) ?? [],
    deadlines: deadlinesByChunk.get(chunk.id) ?? [],
  };
}

/** How well a document's as-of date fits the time a question names: exact period 1, later 0.85, earlier 0.7. */
export function timeFit(asOf: string, plan: Pick<QueryPlan, "time">): number {
  if (!plan.time) return 1;
  const start = startOfIsoPeriod(asOf);
  const end = endOfIsoPeriod(asOf);
  if (end >= plan.time.periodStart && start <= plan.time.periodEnd) return 1;
  return start > plan.time.periodEnd ? 0.85 : 0.7;
}

async function vectorRanks(
  deps: SearchDeps,
  plan: QueryPlan,
  accept: (position: number) => boolean,
): Promise<Map<number, number>> {
  const ranks = new Map<number, number>();
  const { embedder, index } = deps;
  if (!embedder || !index.vectors) return ranks;
  const vector = await embedder.embedQuery(plan.question);
  for (const [rank, hit] of index.vectors.search(vector, CANDIDATES, accept).entries())
    ranks.set(hit.label, rank);
  return ranks;
}

/** Searches the index for a question (or an already understood plan). Best hit first. */
export async function search(
  deps: SearchDeps,
  query: string | QueryPlan,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const { index } = deps;
  const { documents, figuresByChunk, deadlinesByChunk, foldedSearchText, chunkWords } = lookupsFor(index);
  const plan =
    typeof query === "string"
      ? understandQuestion(query, {
          lexical: index.lexical,
          documents: index.documents.map((document) => document.meta),
        })
      : query;
  const topK = options.topK ?? 10;
  const filters: SearchFilters = { ...options.filters };
  if (!filters.docIds?.length && plan.docIds.length > 0) filters.docIds = plan.docIds;
  let accept = chunkFilter(index, documents, filters);

  let lexicalHits = index.lexical.search(plan.lexicalQuery, CANDIDATES, accept);
  if (lexicalHits.length === 0 && !options.filters?.docIds?.length && plan.docIds.length > 0) {
    // The question named a document that does not hold the words: search everywhere instead.
    accept = chunkFilter(index, documents, { ...filters, docIds: [] });
    lexicalHits = index.lexical.search(plan.lexicalQuery, CANDIDATES, accept);
  }
  const lexicalRank = new Map(lexicalHits.map((hit, rank) => [hit.index, rank]));
  const vectorRank = await vectorRanks(deps, plan, accept);

  const candidates = new Set([...lexicalRank.keys(), ...vectorRank.keys()]);
  const fused = [...candidates].map((position) => {
    const lexical = lexicalRank.get(position);
    const vector = vectorRank.get(position);
    const rrf =
      (lexical !== undefined ? 1 / (RRF_K + lexical) : 0) + (vector !== undefined ? 1 / (RRF_K + vector) : 0);
    return { position, rrf, lexical, vector };
  });
  const bestRrf = Math.max(...fused.map((entry) => entry.rrf), Number.EPSILON);

  const hits: SearchHit[] = fused.map(({ position, rrf, lexical, vector }) => {
    const chunk = index.chunks[position] as Chunk;
    const covered = coverageScore(
      "",
      plan.concepts,
      foldedSearchText[position] ?? "",
      chunkWords.of(position),
    );
    const fit = timeFit(documents.get(chunk.docId)?.meta.asOf ?? chunk.asOf, plan);
    return {
      chunk,
      score: (FUSION_WEIGHT * (rrf / bestRrf) + COVERAGE_WEIGHT * covered) * fit,
      coverage: covered,
      figures: figuresByChunk.get(chunk.id) ?? [],
      deadlines: deadlinesByChunk.get(chunk.id) ?? [],
      ...(lexical !== undefined ? { lexicalRank: lexical } : {}),
      ...(vector !== undefined ? { vectorRank: vector } : {}),
    };
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, topK);
}
