import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DeskError } from "../core/errors";
import type { Embedder } from "./embedder";

export interface TransformersEmbedderOptions {
  /** Hub id such as `Xenova/multilingual-e5-small`; also the embedder's modelId. */
  model: string;
  /** A local folder in transformers.js layout (`config.json`, `tokenizer.json`, `onnx/model.onnx`). */
  modelDir?: string;
  /** Where downloaded models are kept between runs. */
  cacheDir: string;
  queryPrefix?: string;
  passagePrefix?: string;
}

// Small enough to keep peak memory flat on long passages, large enough to amortize one ONNX run.
const BATCH_SIZE = 16;
const PROBE_TEXT = "probe";

/**
 * Loads a sentence-embedding model with transformers.js (ONNX on CPU, fp32): mean pooling over tokens,
 * then L2 normalization, so cosine similarity is a dot product.
 *
 * With `modelDir` nothing is fetched: the folder is read as is, and a missing file fails fast instead of
 * falling back to the Hub. Otherwise the model comes from the Hub once and from `cacheDir` afterwards.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const modelDir = options.modelDir === undefined ? undefined : resolve(options.modelDir);
  if (modelDir !== undefined) checkModelDir(modelDir);

  let extractor: FeatureExtractor;
  try {
    // Imported on demand: onnxruntime's native module is heavy, and lexical-only runs never need it.
    const { env, pipeline } = await import("@huggingface/transformers");
    if (modelDir === undefined) {
      env.allowRemoteModels = true;
      env.cacheDir = options.cacheDir;
    } else {
      env.allowLocalModels = true;
    }
    // transformers.js reads a path that is not a valid Hub id (an absolute path never is) straight from
    // disk, without prefixing env.localModelPath; local_files_only keeps a missing file from turning
    // into a Hub download.
    extractor = (await pipeline("feature-extraction", modelDir ?? options.model, {
      dtype: "fp32",
      device: "cpu",
      cache_dir: options.cacheDir,
      local_files_only: modelDir !== undefined,
      // onnxruntime writes its own warnings straight to stderr; only errors are worth a line there.
      session_options: { logSeverityLevel: 3 },
    })) as unknown as FeatureExtractor;
  } catch (error) {
    throw new DeskError(
      "MODEL_UNAVAILABLE",
      `Could not load embedding model ${describeSource(options.model, modelDir)}: ${messageOf(error)}`,
      { cause: error },
    );
  }

  const e5 = /e5/i.test(options.model);
  const queryPrefix = options.queryPrefix ?? (e5 ? "query: " : "");
  const passagePrefix = options.passagePrefix ?? (e5 ? "passage: " : "");

  const run = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: "mean", normalize: true });
    const [rows, width] = output.dims;
    if (output.dims.length !== 2 || rows !== texts.length || !width) {
      throw new DeskError(
        "MODEL_UNAVAILABLE",
        `Embedding model ${options.model} returned shape [${output.dims.join(", ")}] for ${texts.length} texts`,
      );
    }
    const data = Float32Array.from(output.data as ArrayLike<number>);
    return texts.map((_, row) => data.slice(row * width, (row + 1) * width));
  };

  let dimensions: number;
  try {
    const [probe] = await run([passagePrefix + PROBE_TEXT]);
    dimensions = probe?.length ?? 0;
  } catch (error) {
    throw new DeskError(
      "MODEL_UNAVAILABLE",
      `Embedding model ${describeSource(options.model, modelDir)} loaded but failed on a probe text: ${messageOf(error)}`,
      { cause: error },
    );
  }

  return {
    modelId: options.model,
    dimensions,
    async embedQuery(text) {
      const [vector] = await run([queryPrefix + text]);
      if (!vector) throw new DeskError("INTERNAL", "Embedding model returned no vector for a query");
      return vector;
    },
    async embedPassages(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const batch = texts.slice(start, start + BATCH_SIZE).map((text) => passagePrefix + text);
        vectors.push(...(await run(batch)));
      }
      return vectors;
    },
  };
}

/** The slice of transformers.js's FeatureExtractionPipeline used here; its own typings are too loose. */
type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

const REQUIRED_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", join("onnx", "model.onnx")];

function checkModelDir(modelDir: string): void {
  const missing = REQUIRED_FILES.filter((file) => !existsSync(join(modelDir, file)));
  if (missing.length === REQUIRED_FILES.length) {
    throw new DeskError("MODEL_UNAVAILABLE", `Embedding model folder ${modelDir} does not exist or is empty`);
  }
  if (missing.length > 0) {
    throw new DeskError(
      "MODEL_UNAVAILABLE",
      `Embedding model folder ${modelDir} lacks ${missing.join(", ")} (transformers.js layout, fp32 ONNX expected)`,
    );
  }
}

function describeSource(model: string, modelDir: string | undefined): string {
  return modelDir === undefined ? `"${model}"` : `"${model}" from ${modelDir}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
