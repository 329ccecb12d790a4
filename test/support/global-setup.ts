import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb } from "../../bot/web/build";
import { silentLogger } from "../../core/logger";
import { runIngest } from "../../ingest/pipeline";

declare module "vitest" {
  export interface ProvidedContext {
    /** A lexical-only index of the bundled corpus, built once for the whole run. */
    indexDir: string;
  }
}

/** Builds the real corpus's index (and the web page) once, so every test file answers from real reports. */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "figures-desk-test-"));
  const indexDir = join(root, "built");
  await runIngest({ corpusDir: "corpus", indexDir, logger: silentLogger });
  await buildWeb();
  project.provide("indexDir", indexDir);
  return () => rmSync(root, { recursive: true, force: true });
}
