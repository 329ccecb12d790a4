import { watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPhraser } from "../answer/phrase-with-llm";
import { type Config, loadConfig, processEnv } from "../core/config";
import { todayInVietnam } from "../core/dates";
import { describeError } from "../core/errors";
import { createLogger } from "../core/logger";
import { loadEmbedder } from "../index/load-embedder";
import { ensureIndex } from "../ingest/ensure-index";
import { buildApp } from "./app";
import { Desk } from "./desk";
import { startTelegram } from "./start-telegram";

/**
 * `npm start`: reads the configuration, makes sure the index matches the corpus, serves HTTP and (with a
 * token) the Telegram bot, reloads the index on SIGHUP or when a re-ingest swaps it, and shuts down
 * gracefully on SIGTERM. Wiring only; every part is built and tested elsewhere.
 */
const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "web/dist");

function readConfig(): Config {
  try {
    return loadConfig(processEnv());
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  }
}

/** Reloads when ingest swaps the `built` link, so a re-ingest needs no restart. */
function watchIndex(indexDir: string, reload: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(indexDir), (_event, file) => {
    if (file !== basename(indexDir)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const embedder = await loadEmbedder(config.embeddings, logger);
  const today = config.today ? () => config.today as string : () => todayInVietnam();
  const phraser = config.llm ? await createPhraser(config.llm) : undefined;
  const desk = new Desk({
    indexDir: config.indexDir,
    today,
    logger,
    ...(embedder ? { embedder } : {}),
    ...(phraser ? { phraser } : {}),
  });

  try {
    const { index } = await ensureIndex({
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      logger,
      ...(embedder ? { embedder } : {}),
    });
    desk.serve(index);
  } catch (error) {
    // Serve anyway: /readyz stays false and a good index is picked up as soon as one is built.
    logger.error(describeError(error));
  }

  const telegram = await startTelegram(config, { desk: () => desk.deps, logger });
  const app = await buildApp({
    desk: () => desk.deps,
    logger,
    rateLimit: { max: config.http.rateLimitMax, windowMs: config.http.rateLimitWindowMs },
    apiKeys: config.http.apiKeys,
    webRoot: WEB_ROOT,
    ...(telegram.webhook ? { telegramWebhook: telegram.webhook } : {}),
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "EADDRINUSE"
        ? `port ${config.port} is already in use; stop the other process or set PORT`
        : describeError(error);
    logger.error(`Cannot start the HTTP server: ${why}.`);
    await telegram.stop();
    process.exit(1);
  }
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${(app.server.address() as { port: number }).port}`;
  logger.info(`Ready: the web page is at ${url}/ and the API documentation at ${url}/docs`);
  await telegram.start();

  const stopWatching = watchIndex(config.indexDir, () => desk.reload());
  process.on("SIGHUP", () => desk.reload());
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    stopWatching();
    await telegram.stop();
    await app.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

await main();
