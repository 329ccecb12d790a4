import { describeError } from "../core/errors";
import type { Logger } from "../core/logger";
import type { Embedder } from "./embedder";
import { createTransformersEmbedder, type TransformersEmbedderOptions } from "./transformers-embedder";

export interface EmbeddingSettings {
  enabled: boolean;
  model: string;
  cacheDir: string;
  modelDir?: string;
}

export interface LoadEmbedderOptions {
  /** Give up after this long; a first download over a dead network would otherwise wait for minutes. */
  timeoutMs?: number;
  /** Replaces the transformers.js loader (tests). */
  create?: (options: TransformersEmbedderOptions) => Promise<Embedder>;
}

export const DEFAULT_EMBEDDER_TIMEOUT_MS = 20_000;

/**
 * The embedding model, or undefined when it is off or cannot be loaded; search then stays lexical.
 * Never throws: a missing model must not keep the desk from answering. A failure gets exactly one warning
 * that names the setting to change.
 */
export async function loadEmbedder(
  settings: EmbeddingSettings,
  logger: Logger,
  options: LoadEmbedderOptions = {},
): Promise<Embedder | undefined> {
  if (!settings.enabled) {
    logger.info("Embeddings are off (EMBEDDINGS=off); search is lexical only");
    return undefined;
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_EMBEDDER_TIMEOUT_MS;
  const create = options.create ?? createTransformersEmbedder;
  const source = settings.modelDir ?? settings.model;
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const loading = create({
      model: settings.model,
      cacheDir: settings.cacheDir,
      ...(settings.modelDir === undefined ? {} : { modelDir: settings.modelDir }),
    });
    // The load cannot be cancelled; once the timeout wins, a late failure must not surface as an
    // unhandled rejection.
    loading.catch(() => {});
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`loading took longer than ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
      // A pending timeout alone must not keep a finished CLI alive.
      timer.unref();
    });
    const embedder = await Promise.race([loading, timeout]);
    logger.info(
      { model: embedder.modelId, dimensions: embedder.dimensions, ms: Date.now() - startedAt },
      "Embedding model loaded",
    );
    return embedder;
  } catch (error) {
    const fix =
      settings.modelDir === undefined
        ? "set EMBEDDING_MODEL_DIR to a local copy of the model (transformers.js layout with onnx/model.onnx)"
        : "point EMBEDDING_MODEL_DIR at a folder with config.json, tokenizer.json and onnx/model.onnx";
    logger.warn(
      { model: settings.model, source, error: describeError(error) },
      `Embedding model unavailable, search is lexical only. To fix, ${fix}, or set EMBEDDINGS=off to silence this`,
    );
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
