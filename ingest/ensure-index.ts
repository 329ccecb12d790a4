import { isDeskError } from "../core/errors";
import { type LoadedIndex, readIndex } from "../index/read";
import { fingerprintCorpus, type IngestOptions, type IngestReport, runIngest } from "./pipeline";

/**
 * The index for the current corpus: the built one when it matches the corpus files and the embedding
 * model, otherwise a fresh build. `npm start`, `npm run ingest` and `npm run eval` call this, so a
 * newcomer never has to run ingest by hand, a report dropped into `corpus/` is picked up at the next
 * start, and an unchanged corpus is not rebuilt.
 */
function isCurrent(index: LoadedIndex, options: IngestOptions): boolean {
  if (index.manifest.corpusFingerprint !== fingerprintCorpus(options.corpusDir)) return false;
  return !options.embedder || index.manifest.embedding?.model === options.embedder.modelId;
}

export async function ensureIndex(
  options: IngestOptions,
  // The server reports a corrupt index rather than silently replacing it; `npm run ingest` rebuilds it.
  { rebuildCorrupt = false }: { rebuildCorrupt?: boolean } = {},
): Promise<{ index: LoadedIndex; report?: IngestReport }> {
  try {
    const index = readIndex(options.indexDir);
    if (isCurrent(index, options)) return { index };
    options.logger.info(
      "the corpus or the embedding model changed since the last build: rebuilding the index",
    );
  } catch (error) {
    const rebuildable =
      isDeskError(error) &&
      (error.code === "INDEX_MISSING" ||
        error.code === "INDEX_OUTDATED" ||
        (rebuildCorrupt && error.code === "INDEX_CORRUPT"));
    if (!rebuildable) throw error;
    options.logger.info(`${error.message.split(". ")[0]}: building the index from the corpus`);
  }
  const report = await runIngest(options);
  return { index: readIndex(options.indexDir), report };
}
