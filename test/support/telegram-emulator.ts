import { createRequire } from "node:module";
import TelegramServer from "telegram-test-api";
import type { StoredBotUpdate } from "telegram-test-api/lib/telegramServer";
import { freePort } from "./server-process";

/**
 * The local Bot API emulator from `telegram-test-api`, on a free port of 127.0.0.1, so the bot talks
 * HTTP to something that behaves like Telegram and never to api.telegram.org.
 */
export type Emulator = InstanceType<typeof TelegramServer>;
export type EmulatorClient = ReturnType<Emulator["getClient"]>;

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

// The emulator reads `port || 9000`, so port 0 cannot ask the OS for one: `freePort` does.
export async function startEmulator(): Promise<Emulator> {
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 60 });
  await server.start();
  return server;
}

interface RegisteredWebhook {
  url: string;
  secret_token?: string;
}

/** What the bot registered with setWebhook, read from the emulator's (untyped) state. */
export function registeredWebhook(server: Emulator, token: string): RegisteredWebhook | undefined {
  return (server as unknown as { webhooks: Record<string, RegisteredWebhook> }).webhooks[token];
}

interface AxiosLike {
  interceptors: {
    request: {
      use(intercept: (config: { url?: string; headers?: Record<string, string> }) => unknown): number;
      eject(id: number): void;
    };
  };
}

/**
 * Telegram sends the `secret_token` given to setWebhook back in a header on every delivery; the emulator
 * stores it but posts without it. This adds it to the emulator's own axios (resolved from its folder),
 * only on requests to the registered webhook URL. Returns the undo.
 */
export function deliverWithSecretToken(server: Emulator, token: string): () => void {
  const emulatorRequire = createRequire(createRequire(import.meta.url).resolve("telegram-test-api"));
  const axios = emulatorRequire("axios") as AxiosLike;
  const id = axios.interceptors.request.use((config) => {
    const webhook = registeredWebhook(server, token);
    if (webhook?.secret_token && config.url === webhook.url) {
      config.headers = { ...config.headers, [SECRET_HEADER]: webhook.secret_token };
    }
    return config;
  });
  return () => axios.interceptors.request.eject(id);
}

/**
 * The next `count` messages the bot sent to the client's chat. Each `getUpdates` call returns as soon as
 * one arrives, so it is only called while a reply is still expected.
 */
export async function botReplies(client: EmulatorClient, count: number): Promise<StoredBotUpdate[]> {
  const replies: StoredBotUpdate[] = [];
  while (replies.length < count) {
    const updates = await client.getUpdates();
    replies.push(...(updates.result as StoredBotUpdate[]));
  }
  return replies;
}

export function replyText(update: StoredBotUpdate | undefined): string {
  const message = update?.message as { text?: unknown } | undefined;
  return typeof message?.text === "string" ? message.text : "";
}
