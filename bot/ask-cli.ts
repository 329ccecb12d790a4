import { parseArgs } from "node:util";
import { loadConfig, processEnv } from "../core/config";
import { todayInVietnam } from "../core/dates";
import { describeError } from "../core/errors";
import { createCliLogger } from "../core/logger";
import { loadEmbedder } from "../index/load-embedder";
import { ensureIndex } from "../ingest/ensure-index";
import { answer } from "./answer";

/**
 * `npm run ask -- "co bao nhieu tai khoan vneid"`: one answer in the terminal, exactly as the API gives it
 * (`--json` prints the whole response).
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      "as-of": { type: "string" },
    },
  });
  const question = positionals.join(" ");
  const logger = createCliLogger();
  try {
    const config = loadConfig(processEnv());
    const embedder = await loadEmbedder(config.embeddings, logger);
    const { index } = await ensureIndex({
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      logger,
      ...(embedder ? { embedder } : {}),
    });
    const lang = values.lang === "en" || values.lang === "vi" ? values.lang : undefined;
    const result = await answer(
      { index, today: () => config.today ?? todayInVietnam(), ...(embedder ? { embedder } : {}) },
      { question, ...(lang ? { lang } : {}), ...(values["as-of"] ? { asOf: values["as-of"] } : {}) },
    );
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const sources = result.citations.map(
        (citation, at) =>
          `  [${at + 1}] ${citation.title}${citation.number ? `, số ${citation.number}` : ""}${citation.section ? ` — ${citation.section}` : ""}`,
      );
      process.stdout.write(`${result.answer}\n\n${sources.join("\n")}\n`);
    }
    return result.status === "answered" ? 0 : 3;
  } catch (error) {
    logger.error(describeError(error));
    return 1;
  }
}

process.exitCode = await main();
