import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { InlineKeyboardMarkup } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../bot/app";
import { startTelegram, type TelegramHandle } from "../bot/start-telegram";
import { createBot } from "../bot/telegram/create-bot";
import { type Config, loadConfig } from "../core/config";
import { testDeps } from "./support/desk";
import { freePort } from "./support/server-process";
import {
  botReplies,
  deliverWithSecretToken,
  type Emulator,
  registeredWebhook,
  replyText,
  SECRET_HEADER,
  startEmulator,
} from "./support/telegram-emulator";
import { BOT_INFO, capturingLogger, TEST_TOKEN, textMessage } from "./support/telegram-updates";

/**
 * The bot against the `telegram-test-api` emulator over real HTTP, started the way `main` starts it:
 * long polling, and a webhook served by the HTTP app.
 */
const SECRET = "emulator_webhook_secret";
const cleanups: Array<() => Promise<unknown> | unknown> = [];

afterEach(async () => {
  // Bot first, emulator last: a bot still polling a stopped emulator would retry into the void.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(): Promise<Emulator> {
  const server = await startEmulator();
  cleanups.push(() => server.stop());
  return server;
}

function configFor(server: Emulator, extra: Record<string, string> = {}): Config {
  return loadConfig({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: `${server.config.apiURL}/`,
    ...extra,
  });
}

async function startBot(
  config: Config,
): Promise<{ handle: TelegramHandle; logger: ReturnType<typeof capturingLogger> }> {
  const logger = capturingLogger();
  const handle = await startTelegram(config, { desk: () => testDeps(), logger });
  cleanups.push(() => handle.stop());
  return { handle, logger };
}

function callbackData(markup: unknown): string[] {
  const keyboard = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat() ?? [];
  return keyboard.map((button) => ("callback_data" in button ? button.callback_data : ""));
}

describe("long polling against the emulator", () => {
  it("answers questions, commands and buttons, then stops cleanly", async () => {
    const server = await emulator();
    const { handle, logger } = await startBot(configFor(server));
    await handle.start();
    const client = server.getClient(TEST_TOKEN, { timeout: 15_000, interval: 50 });

    await client.sendMessage(client.makeMessage("co bao nhieu tai khoan vneid"));
    const [answerUpdate] = await botReplies(client, 1);
    const answer = replyText(answerUpdate);
    expect(answer).toContain("67 triệu");
    expect(answer).toContain("Báo cáo tổng kết");
    expect(answerUpdate?.message.parse_mode).toBe("HTML");

    const [sourcesData = ""] = callbackData(answerUpdate?.message.reply_markup);
    expect(sourcesData).toMatch(/^src:/);
    await client.sendCallback(client.makeCallbackQuery(sourcesData));
    const [sources] = await botReplies(client, 1);
    expect(replyText(sources)).toContain("phê duyệt 67 triệu tài khoản VNeID");

    await client.sendCommand(client.makeCommand("/hanchot quý I/2024"));
    const [deadlines] = await botReplies(client, 1);
    expect(replyText(deadlines)).toContain("Phiếu lý lịch tư pháp");

    // The emulator has no setMyCommands: the failure is logged and the bot runs on.
    expect(
      logger.entries.some((entry) => entry.message === "could not register the Telegram command menu"),
    ).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain(TEST_TOKEN);
    await handle.stop();
    await handle.stop();
  });
});

describe("webhook mode through the HTTP app", () => {
  async function webhookSetup() {
    const server = await emulator();
    cleanups.push(deliverWithSecretToken(server, TEST_TOKEN));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/webhook`;
    const { handle } = await startBot(
      configFor(server, { TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: SECRET }),
    );
    expect(handle.webhook?.path).toBe("/telegram/webhook");
    const app: FastifyInstance = await buildApp({
      desk: () => testDeps(),
      ...(handle.webhook ? { telegramWebhook: handle.webhook } : {}),
    });
    cleanups.push(() => app.close());
    await app.listen({ port, host: "127.0.0.1" });
    await handle.start();
    return { server, url };
  }

  it("registers the webhook with its secret and answers what the emulator delivers", async () => {
    const { server, url } = await webhookSetup();
    expect(registeredWebhook(server, TEST_TOKEN)).toMatchObject({ url, secret_token: SECRET });
    const client = server.getClient(TEST_TOKEN, { timeout: 15_000, interval: 50 });
    await client.sendMessage(client.makeMessage("co bao nhieu tai khoan vneid"));
    const [reply] = await botReplies(client, 1);
    expect(replyText(reply)).toContain("67 triệu");
  });

  it("rejects a delivery with a wrong or missing secret", async () => {
    const { server, url } = await webhookSetup();
    const update = {
      update_id: 9001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 1, type: "private", first_name: "Forger" },
        from: { id: 1, is_bot: false, first_name: "Forger" },
        text: "co bao nhieu tai khoan vneid",
      },
    };
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(update),
      });
    expect((await post({ [SECRET_HEADER]: "wrong" })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect(server.storage.botMessages).toEqual([]);

    const accepted = await post({ [SECRET_HEADER]: SECRET });
    expect(accepted.status).toBe(200);
    expect(server.storage.botMessages.map((stored) => String(stored.message.text))).toEqual([
      expect.stringContaining("67 triệu"),
    ]);
  });
});

describe("Telegram's flood control", () => {
  it("waits out a 429 and sends the same reply again", async () => {
    const sentTexts: string[] = [];
    const api = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const isSend = request.url?.endsWith("/sendMessage") ?? false;
        if (isSend) sentTexts.push(String(JSON.parse(body).text));
        const limited = isSend && sentTexts.length === 1;
        const reply = limited
          ? {
              ok: false,
              error_code: 429,
              description: "Too Many Requests: retry after 0",
              parameters: { retry_after: 0 },
            }
          : {
              ok: true,
              result: isSend ? { message_id: 1, date: 0, chat: { id: 1, type: "private" } } : true,
            };
        response
          .writeHead(limited ? 429 : 200, { "content-type": "application/json" })
          .end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => api.close(resolve)));
    const { port } = api.address() as AddressInfo;
    const logger = capturingLogger();
    const bot = createBot(TEST_TOKEN, {
      desk: () => testDeps(),
      logger,
      botInfo: BOT_INFO,
      apiRoot: `http://127.0.0.1:${port}`,
    });
    await bot.handleUpdate(textMessage("/help"));
    // The same help text twice, and no apology: the 429 never reached the error boundary.
    expect(sentTexts).toHaveLength(2);
    expect(sentTexts[1]).toBe(sentTexts[0]);
    expect(sentTexts[0]).toContain("/hanchot");
    expect(logger.entries.filter((entry) => entry.level === "error")).toEqual([]);
  });
});
