import { endOfIsoPeriod, startOfIsoPeriod } from "../core/dates";
import type { Figure } from "../core/types";
import type { Embedder } from "../index/embedder";
import { understandQuestion } from "../index/query";
import type { LoadedIndex } from "../index/read";
import { search } from "../index/search";
import { findSeries } from "../index/series";
import { MIN_CLAUSE_COVERAGE, scoreFigure } from "./score-figure";

/**
 * `GET /api/figures` and `/solieu`: figures on a topic (or all), newest first, within an as-of range
 * and a document.
 */
export interface FigureFilters {
  q?: string | undefined;
  /** A series key or a phrase naming a measure: only that series' figures. */
  measure?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  doc?: string | undefined;
  limit: number;
}

function topicFigures(
  index: LoadedIndex,
  figures: Figure[],
  topic: string,
  hitsChunkIds: Map<string, number>,
): Figure[] {
  const plan = understandQuestion(topic, {
    lexical: index.lexical,
    documents: index.documents.map((document) => document.meta),
  });
  return figures.filter((figure) => {
    const hitWeight = hitsChunkIds.get(figure.chunkId);
    if (hitWeight === undefined) return false;
    const scored = scoreFigure(figure, plan, hitWeight);
    return scored.score > 0 && scored.clause >= MIN_CLAUSE_COVERAGE;
  });
}

export async function listFigures(
  index: LoadedIndex,
  filters: FigureFilters,
  embedder?: Embedder,
): Promise<Figure[]> {
  const from = filters.from ? startOfIsoPeriod(filters.from) : undefined;
  const to = filters.to ? endOfIsoPeriod(filters.to) : undefined;
  // A measure names series, never "figures that look alike": a key selects one, a phrase every series it names.
  const series = filters.measure
    ? new Set(findSeries(index.series, filters.measure).map((one) => one.key))
    : undefined;
  let figures = index.figures.filter((figure) => {
    if (series && !series.has(figure.series)) return false;
    if (filters.doc && figure.docId !== filters.doc) return false;
    if (from && endOfIsoPeriod(figure.asOf) < from) return false;
    if (to && startOfIsoPeriod(figure.asOf) > to) return false;
    // Asked for a measure, every point of it counts, goals included; a topic search wants results.
    return series !== undefined || !figure.target;
  });
  if (filters.q?.trim()) {
    const hits = await search({ index, ...(embedder ? { embedder } : {}) }, filters.q, { topK: 30 });
    const best = hits[0]?.score ?? 1;
    figures = topicFigures(
      index,
      figures,
      filters.q,
      new Map(hits.map((hit) => [hit.chunk.id, hit.score / best])),
    );
  }
  return [...figures].sort((a, b) => b.asOf.localeCompare(a.asOf)).slice(0, filters.limit);
}
