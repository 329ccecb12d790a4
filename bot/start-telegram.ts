import type { FastifyReply, FastifyRequest } from "fastify";
import { type Bot, webhookCallback } from "grammy";
import type { AnswerDeps } from "../answer/answer-types";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { registerCommandMenus } from "./telegram/commands";
import { createBot } from "./telegram/create-bot";
import { describeTelegramError, scrub } from "./telegram/safe-error";

/** Starts the Telegram bot when a token is configured: long polling, or a webhook through the HTTP server. */
export interface TelegramHandle {
  webhook?: { path: string; handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> };
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TelegramDeps {
  desk: () => AnswerDeps | undefined;
  logger: Logger;
}

export const WEBHOOK_PATH = "/telegram/webhook";

const idle: TelegramHandle = { start: async () => {}, stop: async () => {} };

/** grammY refuses an API root with a trailing slash; a URL from the environment often has one. */
function apiRootOf(config: Config): string | undefined {
  return config.telegram.apiRoot?.replace(/\/+$/, "");
}

function webhookHandle(bot: Bot, config: Config, deps: TelegramDeps, url: string): TelegramHandle {
  const { token = "", webhookSecret } = config.telegram;
  const shownUrl = scrub(url, token);
  // grammY compares the X-Telegram-Bot-Api-Secret-Token header with this in constant time and answers 401.
  const handler = webhookCallback(bot, "fastify", {
    ...(webhookSecret ? { secretToken: webhookSecret } : {}),
  });
  return {
    webhook: { path: WEBHOOK_PATH, handler },
    async start() {
      await registerCommandMenus(bot.api, deps.logger, token);
      try {
        // Fetching the bot's own info now surfaces a wrong token at start, not on the first update.
        await bot.init();
        await bot.api.setWebhook(url, { ...(webhookSecret ? { secret_token: webhookSecret } : {}) });
        deps.logger.info(
          { url: shownUrl, username: bot.botInfo.username },
          "Telegram bot receives updates through the webhook",
        );
      } catch (error) {
        // The HTTP service stays useful without the bot, so this is logged rather than fatal.
        deps.logger.error(
          { err: describeTelegramError(error, token), url: shownUrl },
          "could not set the Telegram webhook",
        );
      }
    },
    // Updates queue at Telegram while the server restarts; removing the webhook would only lose them.
    async stop() {},
  };
}

function pollingHandle(bot: Bot, config: Config, deps: TelegramDeps): TelegramHandle {
  const token = config.telegram.token ?? "";
  return {
    async start() {
      await registerCommandMenus(bot.api, deps.logger, token);
      // bot.start() calls deleteWebhook itself, so a webhook left by an earlier deployment cannot steal updates.
      // Its promise settles only when polling stops, so it is watched rather than awaited.
      bot
        .start({
          drop_pending_updates: false,
          onStart: (me) => deps.logger.info({ username: me.username }, "Telegram bot is long polling"),
        })
        .catch((error: unknown) => {
          deps.logger.error(
            { err: describeTelegramError(error, token) },
            "Telegram long polling stopped with an error",
          );
        });
    },
    async stop() {
      if (!bot.isRunning()) return;
      try {
        await bot.stop();
      } catch (error) {
        deps.logger.warn(
          { err: describeTelegramError(error, token) },
          "Telegram long polling did not stop cleanly",
        );
      }
    },
  };
}

export async function startTelegram(config: Config, deps: TelegramDeps): Promise<TelegramHandle> {
  const { token, webhookUrl, allowedChatIds, rateLimitPerMinute } = config.telegram;
  if (!token) {
    deps.logger.info("TELEGRAM_BOT_TOKEN is not set: running the HTTP service without the Telegram bot");
    return idle;
  }
  const apiRoot = apiRootOf(config);
  const bot = createBot(token, {
    desk: deps.desk,
    logger: deps.logger,
    rateLimitPerMinute,
    allowedChatIds,
    ...(apiRoot ? { apiRoot } : {}),
  });
  return webhookUrl ? webhookHandle(bot, config, deps, webhookUrl) : pollingHandle(bot, config, deps);
}
