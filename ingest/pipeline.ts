import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DeskError } from "../core/errors";
import type { Logger } from "../core/logger";
import type { Chunk, CleanDocument, Deadline, Figure } from "../core/types";
import type { Embedder } from "../index/embedder";
import { LexicalIndex } from "../index/lexical";
import { INDEX_FORMAT_VERSION, type Manifest } from "../index/manifest";
import { searchTextOf } from "../index/search-text";
import { buildSeries } from "../index/series";
import { storeChunk, storeQuoted } from "../index/stored-form";
import { createVectorStore } from "../index/vector-store";
import { chunkDocument } from "./chunk";
import { cleanText } from "./clean";
import { extractDeadlines } from "./deadlines";
import { embedChunks, readEmbeddingCache, writeEmbeddingCache } from "./embed";
import { extractFigures } from "./figures";
import { markLateFromLaterReports } from "./late-deadlines";
import { type LoadedFile, listCorpusFiles, loadCorpus, type SkippedFile } from "./load";
import { buildDocumentMeta, METADATA_FILE, readMetadataFile } from "./metadata";
import { findSections } from "./sections";
import { createBuildDir, currentBuild, discardBuild, publishBuild, writeJson } from "./write";

/** Bumped when the files ingest writes change shape, so an old index is rebuilt rather than misread. */
export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  embedder?: Embedder;
  logger: Logger;
}

export type Stage = "load" | "clean" | "sections" | "chunk" | "extract" | "lexical" | "embed" | "write";

export interface IngestReport {
  documents: number;
  sections: number;
  chunks: number;
  figures: number;
  deadlines: number;
  series: number;
  skipped: SkippedFile[];
  embeddings?: { model: string; reused: number; computed: number };
  timingsMs: Record<Stage, number>;
  totalMs: number;
  buildDir: string;
}

/**
 * The code that turns reports into an index: a change to how figures, deadlines or dates are read makes
 * the built index stale just as a changed report does.
 */
const EXTRACTION_CODE = [
  "../ingest",
  "../core",
  "../index/glossary.json",
  "../index/glossary.ts",
  "../index/series.ts",
  // What the lexical index holds for each chunk, and how it is cut into terms.
  "../index/search-text.ts",
  "../index/tokenize.ts",
  "../index/lexical.ts",
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

function extractionCodeFiles(): string[] {
  return EXTRACTION_CODE.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((file) => /\.(ts|json)$/.test(file))
          .sort()
          .map((file) => join(path, file))
      : [path],
  );
}

/** A hash of every report, the metadata file and the extraction code: the index is stale when it changes. */
export function fingerprintCorpus(corpusDir: string): string {
  const hash = createHash("sha256");
  hash.update(`v${INDEX_FORMAT_VERSION}\n`);
  for (const path of extractionCodeFiles()) hash.update(readFileSync(path)).update("\0");
  for (const file of [...listCorpusFiles(corpusDir), METADATA_FILE]) {
    const path = join(corpusDir, file);
    if (!existsSync(path)) continue;
    hash.update(file).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex");
}

function timer() {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

function cleanDocuments(
  files: LoadedFile[],
  corpusDir: string,
): { documents: CleanDocument[]; sectionMs: number } {
  const overrides = readMetadataFile(corpusDir);
  let sectionMs = 0;
  const documents = files.map((file) => {
    const override = overrides[file.file] ?? {};
    const slides = override.kind === "slides";
    const cleaned = cleanText(file.text, { slides });
    const meta = buildDocumentMeta(file.file, cleaned.text, override, {
      slides,
      ...(file.pageCount
        ? { pages: file.pageCount }
        : cleaned.pages.length > 0
          ? { pages: cleaned.pages.at(-1)?.page ?? 0 }
          : {}),
    });
    const stop = timer();
    const sections = findSections(cleaned.text);
    sectionMs += stop();
    return { meta, text: cleaned.text, pages: cleaned.pages, footnotes: cleaned.footnotes, sections };
  });
  const ids = new Set<string>();
  for (const document of documents) {
    if (ids.has(document.meta.id)) {
      throw new DeskError(
        "CORPUS_UNREADABLE",
        `Two files map to the same document id "${document.meta.id}"; rename one of them.`,
      );
    }
    ids.add(document.meta.id);
  }
  return { documents, sectionMs };
}

async function embedInto(
  buildDir: string,
  chunks: Chunk[],
  options: IngestOptions,
): Promise<IngestReport["embeddings"]> {
  const { embedder, logger } = options;
  if (!embedder) return undefined;
  const previous = currentBuild(options.indexDir);
  const cache = readEmbeddingCache(previous ?? buildDir, embedder.modelId);
  let lastReported = 0;
  const { vectors, reused, computed } = await embedChunks(chunks, embedder, cache, (done, total) => {
    if (done - lastReported >= 50 || done === total) {
      lastReported = done;
      logger.info({ done, total }, "embedding chunks");
    }
  });
  const store = createVectorStore(embedder.dimensions, Math.max(1, vectors.length));
  for (const [label, vector] of vectors.entries()) store.add(label, vector);
  store.save(buildDir);
  writeEmbeddingCache(buildDir, cache);
  return { model: embedder.modelId, reused, computed };
}

/**
 * Reads the corpus, cleans and structures every report, extracts figures and deadlines, builds the
 * lexical index and (with an embedder) the vectors, and publishes the new index atomically.
 * Files that cannot be read are listed in `skipped`; the rest is ingested.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const { corpusDir, indexDir, logger } = options;
  const total = timer();
  const timingsMs = {} as Record<Stage, number>;
  const fingerprint = fingerprintCorpus(corpusDir);

  let stop = timer();
  const { files, skipped } = await loadCorpus(corpusDir);
  timingsMs.load = stop();
  for (const file of skipped) logger.warn({ file: file.file, reason: file.reason }, "skipped a corpus file");
  if (files.length === 0) {
    throw new DeskError(
      "CORPUS_EMPTY",
      `No readable reports in ${corpusDir}. Add .txt, .md or .pdf files there and run \`npm run ingest\` again.`,
    );
  }
  logger.info({ files: files.length }, "loaded corpus");

  stop = timer();
  const { documents, sectionMs } = cleanDocuments(files, corpusDir);
  timingsMs.sections = sectionMs;
  timingsMs.clean = stop() - sectionMs;

  stop = timer();
  const chunks = documents.flatMap((document) => chunkDocument(document));
  timingsMs.chunk = stop();

  stop = timer();
  const extracted = documents.flatMap((document) => extractFigures(document, chunks));
  // Series join figures across reports, so they are built once every document's figures are known.
  const series = buildSeries(extracted);
  const figures: Figure[] = extracted.map(({ figure }) => figure);
  const deadlines: Deadline[] = documents.flatMap((document) => extractDeadlines(document, chunks));
  markLateFromLaterReports(deadlines, documents);
  timingsMs.extract = stop();
  logger.info(
    {
      documents: documents.length,
      chunks: chunks.length,
      figures: figures.length,
      deadlines: deadlines.length,
      series: series.length,
    },
    "extracted",
  );

  stop = timer();
  const documentsById = new Map(documents.map((document) => [document.meta.id, document]));
  const lexical = LexicalIndex.build(
    chunks.map((chunk) => searchTextOf(chunk, documentsById.get(chunk.docId))),
  );
  timingsMs.lexical = stop();

  const buildDir = createBuildDir(indexDir);
  try {
    stop = timer();
    const embeddings = await embedInto(buildDir, chunks, options);
    timingsMs.embed = stop();

    stop = timer();
    const counts = {
      documents: documents.length,
      sections: documents.reduce((sum, document) => sum + document.sections.length, 0),
      chunks: chunks.length,
      figures: figures.length,
      deadlines: deadlines.length,
      series: series.length,
    };
    writeJson(buildDir, "documents.json", documents);
    writeJson(buildDir, "chunks.json", chunks.map(storeChunk));
    writeJson(buildDir, "figures.json", figures.map(storeQuoted));
    writeJson(buildDir, "deadlines.json", deadlines.map(storeQuoted));
    writeJson(buildDir, "series.json", series);
    lexical.save(buildDir);
    const manifest: Manifest = {
      version: INDEX_FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      corpusFingerprint: fingerprint,
      counts,
      embedding:
        embeddings && options.embedder
          ? { model: embeddings.model, dimensions: options.embedder.dimensions }
          : null,
    };
    // The manifest goes last: a build without one is unfinished and never loaded.
    writeJson(buildDir, "manifest.json", manifest);
    publishBuild(indexDir, buildDir);
    timingsMs.write = stop();

    return {
      ...counts,
      skipped,
      timingsMs,
      totalMs: total(),
      buildDir,
      ...(embeddings ? { embeddings } : {}),
    };
  } catch (error) {
    // A half-written build is never published.
    discardBuild(buildDir);
    throw error;
  }
}
