import { isDeskError } from "../core/errors";
import { type LoadedIndex, readIndex } from "../index/read";
import { fingerprintCorpus, type IngestOptions, runIngest } from "./pipeline";

/**
 * The index for the current corpus: the built one when it matches the corpus files and the embedding
 * model, otherwise a fresh build (a missing or stale one; a corrupt one is an error to fix). `npm start` and `npm run eval` call this, so a newcomer never has to
 * run ingest by hand and a report dropped into `corpus/` is picked up at the next start.
 */
function isCurrent(index: LoadedIndex, options: IngestOptions): boolean {
  if (index.manifest.corpusFingerprint !== fingerprintCorpus(options.corpusDir)) return false;
  return !options.embedder || index.manifest.embedding?.model === options.embedder.modelId;
}

export async function ensureIndex(options: IngestOptions): Promise<{ index: LoadedIndex; rebuilt: boolean }> {
  try {
    const index = readIndex(options.indexDir);
    if (isCurrent(index, options)) return { index, rebuilt: false };
    options.logger.info(
      "the corpus or the embedding model changed since the last build: rebuilding the index",
    );
  } catch (error) {
    // A corrupt index is reported, not silently replaced: someone should learn why it broke.
    if (!isDeskError(error) || error.code !== "INDEX_MISSING") throw error;
    options.logger.info("no index yet: building it from the corpus");
  }
  await runIngest(options);
  return { index: readIndex(options.indexDir), rebuilt: true };
}
