import type { AnswerDeps } from "../answer/answer-types";
import type { Config } from "../core/config";
import { todayInVietnam } from "../core/dates";
import type { Logger } from "../core/logger";
import { loadEmbedder } from "../index/load-embedder";
import { ensureIndex } from "../ingest/ensure-index";

/**
 * What the command-line tools (`npm run ask`, `npm run eval`) answer with: the configured model when it
 * loads, the index for the current corpus (built when missing or stale), and today's date.
 */
export async function openAnswerDeps(config: Config, logger: Logger): Promise<AnswerDeps> {
  const embedder = await loadEmbedder(config.embeddings, logger);
  const { index } = await ensureIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    logger,
    ...(embedder ? { embedder } : {}),
  });
  const today = config.today ?? todayInVietnam();
  return { index, today: () => today, ...(embedder ? { embedder } : {}) };
}
