import { loadConfig, processEnv } from "../core/config";
import { describeError } from "../core/errors";
import { createCliLogger } from "../core/logger";
import { loadEmbedder } from "../index/load-embedder";
import { ensureIndex } from "./ensure-index";
import { type IngestReport, runIngest } from "./pipeline";

/** `npm run ingest [-- --force]`: rebuilds the index when the corpus changed and prints what it found. */
function printReport(report: IngestReport): void {
  const lines = [
    `Ingested ${report.documents} documents into ${report.buildDir}`,
    `  sections ${report.sections}, chunks ${report.chunks}, figures ${report.figures} in ${report.series} series, deadlines ${report.deadlines}`,
    `  time ${report.totalMs} ms (${Object.entries(report.timingsMs)
      .map(([stage, ms]) => `${stage} ${ms}`)
      .join(", ")})`,
    report.embeddings
      ? `  embeddings ${report.embeddings.model}: ${report.embeddings.computed} computed, ${report.embeddings.reused} reused`
      : "  embeddings: none (lexical search only)",
  ];
  for (const skipped of report.skipped) lines.push(`  skipped ${skipped.file}: ${skipped.reason}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main(): Promise<number> {
  const logger = createCliLogger();
  try {
    const config = loadConfig(processEnv());
    const embedder = await loadEmbedder(config.embeddings, logger);
    const options = {
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      logger,
      ...(embedder ? { embedder } : {}),
    };
    const report = process.argv.includes("--force")
      ? await runIngest(options)
      : (await ensureIndex(options, { rebuildCorrupt: true })).report;
    if (!report) {
      process.stdout.write("The index is up to date with the corpus; nothing to do (--force rebuilds it).\n");
      return 0;
    }
    printReport(report);
    // 2 tells scripts that the index was built but some files were left out.
    return report.skipped.length > 0 ? 2 : 0;
  } catch (error) {
    logger.error(describeError(error));
    return 1;
  }
}

process.exitCode = await main();
