import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { DeskError } from "../core/errors";
import type { Chunk, CleanDocument, Deadline, Figure } from "../core/types";
import { LexicalIndex } from "./lexical";
import { INDEX_FORMAT_VERSION, type Manifest } from "./manifest";
import { indexSeries, type Series, type SeriesIndex } from "./series";
import {
  documentTexts,
  restoreChunk,
  restoreQuoted,
  type StoredChunk,
  type StoredDeadline,
  type StoredFigure,
} from "./stored-form";
import { loadVectorStore, type VectorStore } from "./vector-store";

/** Everything the answering side needs, loaded once from one build. */
export interface LoadedIndex {
  /** The build folder the index link pointed to when loaded. */
  dir: string;
  manifest: Manifest;
  documents: CleanDocument[];
  /** The same documents by id, for citations and filters. */
  documentsById: Map<string, CleanDocument>;
  chunks: Chunk[];
  figures: Figure[];
  deadlines: Deadline[];
  /** Figures of one measure across reports (`seriesOf(index.series, figure.series)`). */
  series: SeriesIndex;
  lexical: LexicalIndex;
  vectors?: VectorStore;
}

const REBUILD = "Run `npm run ingest` to rebuild the index.";

function readJson<T>(dir: string, name: string): T {
  const path = join(dir, name);
  if (!existsSync(path)) throw new DeskError("INDEX_CORRUPT", `${path} is missing. ${REBUILD}`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (error) {
    throw new DeskError(
      "INDEX_CORRUPT",
      `${path} is corrupt or truncated (${(error as Error).message}). ${REBUILD}`,
    );
  }
}

function expectArray<T>(value: unknown, dir: string, name: string): T[] {
  if (!Array.isArray(value))
    throw new DeskError("INDEX_CORRUPT", `${join(dir, name)} does not hold a list. ${REBUILD}`);
  return value as T[];
}

/**
 * Loads the index the link points to. The link is resolved once, so a rebuild that swaps it mid-load
 * cannot mix two builds.
 */
export function readIndex(indexDir: string): LoadedIndex {
  if (!existsSync(join(indexDir, "manifest.json"))) {
    throw new DeskError("INDEX_MISSING", `No index at ${indexDir}. ${REBUILD}`);
  }
  const dir = realpathSync(indexDir);
  const manifest = readJson<Manifest>(dir, "manifest.json");
  if (manifest?.version !== INDEX_FORMAT_VERSION) {
    throw new DeskError(
      "INDEX_OUTDATED",
      `${join(dir, "manifest.json")} was written by another version. ${REBUILD}`,
    );
  }
  const documents = expectArray<CleanDocument>(readJson(dir, "documents.json"), dir, "documents.json");
  const texts = documentTexts(documents);
  const textOf = (item: { docId: string }, file: string) => {
    const text = texts.get(item.docId);
    if (text === undefined)
      throw new DeskError(
        "INDEX_CORRUPT",
        `${join(dir, file)} names a document documents.json lacks. ${REBUILD}`,
      );
    return text;
  };
  const chunks = expectArray<StoredChunk>(readJson(dir, "chunks.json"), dir, "chunks.json").map((chunk) =>
    restoreChunk(chunk, textOf(chunk, "chunks.json")),
  );
  const figures = expectArray<StoredFigure>(readJson(dir, "figures.json"), dir, "figures.json").map(
    (figure) => restoreQuoted<Figure>(figure, textOf(figure, "figures.json")),
  );
  const deadlines = expectArray<StoredDeadline>(readJson(dir, "deadlines.json"), dir, "deadlines.json").map(
    (deadline) => restoreQuoted<Deadline>(deadline, textOf(deadline, "deadlines.json")),
  );
  const series = indexSeries(expectArray<Series>(readJson(dir, "series.json"), dir, "series.json"), figures);
  const lexical = LexicalIndex.load(dir);
  if (lexical.documentCount !== chunks.length) {
    throw new DeskError(
      "INDEX_CORRUPT",
      `${join(dir, "lexical.json")} does not match chunks.json. ${REBUILD}`,
    );
  }
  const vectors = manifest.embedding ? loadVectorStore(dir) : undefined;
  return {
    dir,
    manifest,
    documents,
    documentsById: new Map(documents.map((document) => [document.meta.id, document])),
    chunks,
    figures,
    deadlines,
    series,
    lexical,
    ...(vectors ? { vectors } : {}),
  };
}
