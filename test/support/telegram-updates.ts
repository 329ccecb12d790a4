import type { Bot, Transformer } from "grammy";
import type { MessageEntity, Update, UserFromGetMe } from "grammy/types";
import { type BotDeps, createBot } from "../../bot/telegram/create-bot";
import type { Logger } from "../../core/logger";
import { testDeps } from "./desk";

/**
 * A bot wired to nothing: updates go in through `bot.handleUpdate`, and every Bot API call it makes is
 * captured by a transformer that answers like Telegram would, so no test ever reaches api.telegram.org.
 */
export const TEST_TOKEN = "123456789:TEST-token-that-never-leaves-the-test";

export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "Figures desk",
  username: "figures_desk_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export const USER_ID = 1001;
export const GROUP_ID = -100777;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface LogEntry {
  level: "info" | "warn" | "error" | "debug";
  fields: object | string;
  message?: string | undefined;
}

export function capturingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const write = (level: LogEntry["level"]) => (fields: object | string, message?: string) => {
    entries.push({ level, fields, message });
  };
  return { entries, info: write("info"), warn: write("warn"), error: write("error"), debug: write("debug") };
}

let nextMessageId = 5000;

/** What Telegram would return for the calls the bot makes. */
export function fakeResultFor(method: string, payload: Record<string, unknown>): unknown {
  switch (method) {
    case "getMe":
      return BOT_INFO;
    case "getUpdates":
      return [];
    case "sendMessage":
      nextMessageId += 1;
      return {
        message_id: nextMessageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: payload.chat_id, type: Number(payload.chat_id) < 0 ? "supergroup" : "private" },
        from: BOT_INFO,
        text: payload.text,
      };
    default:
      return true;
  }
}

export interface TestBot {
  bot: Bot;
  calls: ApiCall[];
  logger: ReturnType<typeof capturingLogger>;
  send(update: Update): Promise<void>;
  /** Texts of the messages the bot sent, in order. */
  sent(): string[];
  callsTo(method: string): ApiCall[];
}

export function createTestBot(deps: Partial<BotDeps> = {}): TestBot {
  const calls: ApiCall[] = [];
  const logger = capturingLogger();
  const bot = createBot(TEST_TOKEN, { desk: () => testDeps(), logger, botInfo: BOT_INFO, ...deps });
  // Installed last, so it wraps auto-retry and answers before anything could reach the network.
  const capture: Transformer = async (_previous, method, payload) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: body });
    return { ok: true, result: fakeResultFor(method, body) } as Awaited<ReturnType<Transformer>>;
  };
  bot.api.config.use(capture);
  const callsTo = (method: string) => calls.filter((call) => call.method === method);
  return {
    bot,
    calls,
    logger,
    send: (update) => bot.handleUpdate(update),
    sent: () => callsTo("sendMessage").map((call) => String(call.payload.text)),
    callsTo,
  };
}

let nextUpdateId = 1;
let nextIncomingId = 100;

interface From {
  userId?: number;
  languageCode?: string;
}

function user(from: From = {}) {
  return {
    id: from.userId ?? USER_ID,
    is_bot: false,
    first_name: "Lan",
    ...(from.languageCode === "" ? {} : { language_code: from.languageCode ?? "vi" }),
  };
}

function commandEntities(text: string): MessageEntity[] {
  const match = /^\/[\w@]+/.exec(text);
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : [];
}

function mentionEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/@\w+/g)].map((match) => ({
    type: "mention",
    offset: match.index,
    length: match[0].length,
  }));
}

export interface MessageOptions extends From {
  chatId?: number;
  /** A message of this user the text replies to: `"bot"` for one of the bot's. */
  replyTo?: "bot" | "user";
}

/** A text message as Telegram delivers it, with command and mention entities. */
export function textMessage(text: string, options: MessageOptions = {}): Update {
  const chatId = options.chatId ?? options.userId ?? USER_ID;
  const chat =
    chatId < 0
      ? { id: chatId, type: "supergroup" as const, title: "Nhóm Đề án 06" }
      : { id: chatId, type: "private" as const, first_name: "Lan" };
  const entities = [...commandEntities(text), ...mentionEntities(text)];
  nextIncomingId += 1;
  const replied =
    options.replyTo === undefined
      ? {}
      : {
          reply_to_message: {
            message_id: nextIncomingId - 50,
            date: Math.floor(Date.now() / 1000) - 60,
            chat,
            from: options.replyTo === "bot" ? BOT_INFO : user(options),
            text: "earlier message",
          },
        };
  nextUpdateId += 1;
  return {
    update_id: nextUpdateId,
    message: {
      message_id: nextIncomingId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: user(options),
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...replied,
    },
  } as Update;
}

export function groupMessage(text: string, options: Omit<MessageOptions, "chatId"> = {}): Update {
  return textMessage(text, { ...options, chatId: GROUP_ID });
}

export function callbackQuery(data: string, options: From & { chatId?: number } = {}): Update {
  const chatId = options.chatId ?? options.userId ?? USER_ID;
  nextUpdateId += 1;
  return {
    update_id: nextUpdateId,
    callback_query: {
      id: `cb-${nextUpdateId}`,
      from: user(options),
      chat_instance: "instance-1",
      data,
      message: {
        message_id: 77,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "Lan" },
        text: "answer",
      },
    },
  } as Update;
}

export function inlineQuery(query: string, options: From = {}): Update {
  nextUpdateId += 1;
  return {
    update_id: nextUpdateId,
    inline_query: { id: `iq-${nextUpdateId}`, from: user(options), query, offset: "" },
  } as Update;
}
