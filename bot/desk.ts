import { realpathSync } from "node:fs";
import type { AnswerDeps, AnswerPhraser } from "../answer/answer-types";
import type { Logger } from "../core/logger";
import type { Embedder } from "../index/embedder";
import { type LoadedIndex, readIndex } from "../index/read";

/**
 * What the server answers with right now: the loaded index plus the model. A reload swaps the whole
 * object at once, so a query in flight finishes on the index it started with, and a failed reload keeps
 * serving the previous index.
 */
export interface DeskOptions {
  indexDir: string;
  today: () => string;
  logger: Logger;
  embedder?: Embedder;
  phraser?: AnswerPhraser;
}

export class Desk {
  private current: AnswerDeps | undefined;

  constructor(private readonly options: DeskOptions) {}

  /** The answering dependencies, or undefined until an index has loaded. */
  get deps(): AnswerDeps | undefined {
    return this.current;
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  /** Loads the index the link points to; throws (INDEX_MISSING/INDEX_CORRUPT) and keeps the old one on failure. */
  load(): void {
    this.serve(readIndex(this.options.indexDir));
  }

  /** Answers from an index already loaded (start-up loads it while checking it is current). */
  serve(index: LoadedIndex): void {
    const { today, embedder, phraser } = this.options;
    this.current = { index, today, ...(embedder ? { embedder } : {}), ...(phraser ? { phraser } : {}) };
    this.options.logger.info({ build: index.dir, chunks: index.chunks.length }, "index loaded");
  }

  /** Like load, but a failure is logged and the previous index stays. Returns whether a new index loaded. */
  reload(): boolean {
    try {
      if (this.current && this.current.index.dir === safeRealBuild(this.options.indexDir)) return false;
      this.load();
      return true;
    } catch (error) {
      this.options.logger.error({ err: error }, "reload failed; still serving the previous index");
      return false;
    }
  }
}

function safeRealBuild(indexDir: string): string | undefined {
  try {
    return realpathSync(indexDir);
  } catch {
    return undefined;
  }
}
