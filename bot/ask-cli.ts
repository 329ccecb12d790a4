import { parseArgs } from "node:util";
import { answer } from "../answer/answer";
import { loadConfig, processEnv } from "../core/config";
import { describeError } from "../core/errors";
import { createCliLogger } from "../core/logger";
import { openAnswerDeps } from "./open-answer-deps";

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
    const lang = values.lang === "en" || values.lang === "vi" ? values.lang : undefined;
    const result = await answer(await openAnswerDeps(config, logger), {
      question,
      ...(lang ? { lang } : {}),
      ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
    });
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
