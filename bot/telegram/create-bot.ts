import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, type Composer, type Context, InlineKeyboard } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { answer, MAX_QUESTION_CHARS } from "../../answer/answer";
import type { Answer, AnswerDeps } from "../../answer/answer-types";
import type { Lang } from "../../answer/wording";
import { isDeskError } from "../../core/errors";
import type { Logger } from "../../core/logger";
import { AnswerStore } from "./answer-store";
import { COMMAND_NAMES } from "./commands";
import { formatAnswer, formatCitations, formatTimeline, timelineDirection } from "./format";
import { accessGate, groupGate, isGroupChat, rateGate, withoutMention } from "./gates";
import { escapeHtml } from "./html";
import { INLINE_CACHE_SECONDS, inlineResults } from "./inline";
import { deadlinesReply, figuresReply, sourcesReply } from "./listings";
import { RateLimiter } from "./rate-limit";
import { describeTelegramError } from "./safe-error";
import { splitHtml } from "./split";
import { exampleQuestions, texts, userLang } from "./texts";

/**
 * The Telegram bot: free-text questions answered like `POST /api/ask`, the listing commands, buttons for
 * the full citations and the timeline, and inline mode. Built, not started: `startTelegram` chooses long
 * polling or a webhook, and tests feed updates to `bot.handleUpdate` with a preset `botInfo`.
 */
export interface BotDeps {
  /** The current answering dependencies; undefined until the index has loaded. */
  desk: () => AnswerDeps | undefined;
  logger: Logger;
  /** Messages per user per minute; defaults to 12. */
  rateLimitPerMinute?: number;
  /** When non-empty, only these chat or user ids are served. */
  allowedChatIds?: string[];
  /** Skips the `getMe` call at start (tests, or a bot whose info is known). */
  botInfo?: UserFromGetMe;
  /** A local Bot API server or an emulator instead of api.telegram.org. */
  apiRoot?: string;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 12;
/** Telegram shows "typing…" for about 5 seconds per chat action. */
const TYPING_REPEAT_MS = 4500;
/** Waiting longer than this for Telegram's 429 cool-down would answer a question nobody waits for anymore. */
const MAX_RETRY_DELAY_SECONDS = 60;

interface SendOptions {
  keyboard?: InlineKeyboard;
  /** In groups the reply quotes the question, so it is clear which message it answers. */
  replyTo?: number;
}

async function sendHtml(ctx: Context, html: string, options: SendOptions = {}): Promise<void> {
  const parts = splitHtml(html);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
      ...(index === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
    });
  }
}

function replyTarget(ctx: Context): { replyTo?: number } {
  return isGroupChat(ctx) && ctx.message ? { replyTo: ctx.message.message_id } : {};
}

function langOf(ctx: Context): Lang {
  return userLang(ctx.from?.language_code);
}

class BotHandlers {
  private readonly store = new AnswerStore();
  private readonly inlineLimiter: RateLimiter;

  constructor(
    private readonly deps: BotDeps,
    private readonly token: string,
  ) {
    // Telegram sends an inline query per pause in typing, so inline gets more room than messages.
    this.inlineLimiter = new RateLimiter(5 * this.rateLimit);
  }

  get rateLimit(): number {
    return this.deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  }

  logError(error: unknown, message: string, fields: object = {}): void {
    this.deps.logger.error({ ...fields, err: describeTelegramError(error, this.token) }, message);
  }

  /** Sends "typing…" until the task ends; a failed chat action never fails the answer. */
  async withTyping<T>(ctx: Context, task: () => Promise<T>): Promise<T> {
    const send = () => {
      ctx.replyWithChatAction("typing").catch((error: unknown) => {
        this.deps.logger.debug({ err: describeTelegramError(error, this.token) }, "typing action failed");
      });
    };
    send();
    const timer = setInterval(send, TYPING_REPEAT_MS);
    try {
      return await task();
    } finally {
      clearInterval(timer);
    }
  }

  /** The desk, or undefined after telling the user that the service is still starting. */
  async deskOrNotice(ctx: Context): Promise<AnswerDeps | undefined> {
    const desk = this.deps.desk();
    if (!desk) await ctx.reply(texts(langOf(ctx)).starting, replyParameters(ctx));
    return desk;
  }

  /** The answer, or undefined after explaining a question the desk cannot take. */
  async answerOrExplain(ctx: Context, desk: AnswerDeps, question: string): Promise<Answer | undefined> {
    const words = texts(langOf(ctx));
    try {
      return await this.withTyping(ctx, () => answer(desk, { question }));
    } catch (error) {
      if (!isDeskError(error)) throw error;
      if (error.code === "QUESTION_EMPTY") await sendHtml(ctx, words.emptyQuestion, replyTarget(ctx));
      else if (error.code === "QUESTION_TOO_LONG")
        await ctx.reply(words.tooLong(MAX_QUESTION_CHARS), replyParameters(ctx));
      else if (error.status === 503) await ctx.reply(words.starting, replyParameters(ctx));
      else throw error;
      return undefined;
    }
  }

  async ask(ctx: Context, question: string): Promise<void> {
    const desk = await this.deskOrNotice(ctx);
    if (!desk) return;
    const result = await this.answerOrExplain(ctx, desk, question);
    if (!result) return;
    const keyboard = this.buttonsFor(result);
    await sendHtml(ctx, formatAnswer(result, desk.today()), {
      ...replyTarget(ctx),
      ...(keyboard ? { keyboard } : {}),
    });
  }

  buttonsFor(result: Answer): InlineKeyboard | undefined {
    if (result.status !== "answered" || result.citations.length === 0) return undefined;
    const words = texts(result.lang);
    const id = this.store.put(result);
    const keyboard = new InlineKeyboard().text(words.sourcesButton, `src:${id}`);
    const direction = timelineDirection(result);
    if (!direction) return keyboard;
    return keyboard.text(direction === "older" ? words.olderButton : words.newerButton, `old:${id}`);
  }

  async showStored(ctx: Context, kind: string, id: string): Promise<void> {
    const stored = this.store.get(id);
    if (!stored) {
      await ctx.answerCallbackQuery({ text: texts(langOf(ctx)).expired });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendHtml(ctx, kind === "src" ? formatCitations(stored) : formatTimeline(stored));
  }

  async inline(ctx: Context): Promise<void> {
    const query = ctx.inlineQuery?.query.trim() ?? "";
    const words = texts(langOf(ctx));
    // The button under an empty result list opens a private chat with the bot: the place to learn how to ask.
    const hint = (text: string) => ({
      cache_time: INLINE_CACHE_SECONDS,
      button: { text, start_parameter: "inline-help" },
    });
    const desk = this.deps.desk();
    if (!query || !desk) {
      await ctx.answerInlineQuery([], hint(query ? words.inlineStarting : words.inlineHint));
      return;
    }
    if (this.inlineLimiter.check(ctx.from?.id ?? 0) !== "allow") {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
      return;
    }
    const results = await inlineResults(desk, query).catch((error: unknown) => {
      if (isDeskError(error) && error.status < 500) return [];
      throw error;
    });
    await ctx.answerInlineQuery(
      results,
      results.length > 0 ? { cache_time: INLINE_CACHE_SECONDS } : hint(words.inlineNotFound),
    );
  }

  startText(ctx: Context): string {
    const lang = langOf(ctx);
    const words = texts(lang);
    const examples = exampleQuestions(lang).map((question) => `• ${escapeHtml(question)}`);
    return [words.intro, "", words.tryAsking, ...examples, "", this.helpText(ctx)].join("\n");
  }

  helpText(ctx: Context): string {
    const words = texts(langOf(ctx));
    const username = escapeHtml(ctx.me.username);
    return [words.helpTitle, ...words.helpLines.map((line) => line.replaceAll("{bot}", username))].join("\n");
  }

  /** The error boundary: log it, and tell the user instead of going silent. */
  async apologize(error: BotError<Context>): Promise<void> {
    const ctx = error.ctx;
    this.logError(error.error, "telegram update failed", {
      updateId: ctx.update.update_id,
      chatId: ctx.chat?.id,
    });
    const words = texts(langOf(ctx));
    // A button that was already answered cannot show the notice, so the chat gets it instead.
    if (ctx.callbackQuery && (await this.tryToTell(() => ctx.answerCallbackQuery({ text: words.error }))))
      return;
    if (ctx.chat) await this.tryToTell(() => ctx.reply(words.error, replyParameters(ctx)));
  }

  private async tryToTell(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      this.logError(error, "could not tell the user about a failed update");
      return false;
    }
  }
}

function replyParameters(ctx: Context) {
  const { replyTo } = replyTarget(ctx);
  return replyTo === undefined
    ? {}
    : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
}

function registerCommands(bot: Composer<Context>, handlers: BotHandlers): void {
  bot.command("start", (ctx) => sendHtml(ctx, handlers.startText(ctx), replyTarget(ctx)));
  bot.command("help", (ctx) => sendHtml(ctx, handlers.helpText(ctx), replyTarget(ctx)));
  for (const lang of ["vi", "en"] as const) {
    bot.command(COMMAND_NAMES.figures[lang], async (ctx) => {
      const current = await handlers.deskOrNotice(ctx);
      if (!current) return;
      const html = await handlers.withTyping(ctx, () => figuresReply(current, ctx.match, lang));
      await sendHtml(ctx, html, replyTarget(ctx));
    });
    bot.command(COMMAND_NAMES.deadlines[lang], async (ctx) => {
      const current = await handlers.deskOrNotice(ctx);
      if (current) await sendHtml(ctx, deadlinesReply(current, ctx.match, lang), replyTarget(ctx));
    });
    bot.command(COMMAND_NAMES.sources[lang], async (ctx) => {
      const current = await handlers.deskOrNotice(ctx);
      if (current) await sendHtml(ctx, sourcesReply(current, lang), replyTarget(ctx));
    });
  }
}

function registerHandlers(bot: Composer<Context>, handlers: BotHandlers): void {
  bot.callbackQuery(/^(src|old):([\w-]{1,16})$/, (ctx) =>
    handlers.showStored(ctx, ctx.match[1] ?? "", ctx.match[2] ?? ""),
  );
  // A button from an older version of the bot: stop the spinner, nothing else to do.
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  bot.on("inline_query", (ctx) => handlers.inline(ctx));
  bot.on("message:text", async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith("/")) {
      if (ctx.chat.type === "private") await ctx.reply(texts(langOf(ctx)).unknownCommand);
      return;
    }
    await handlers.ask(ctx, withoutMention(text, ctx.me.username));
  });
  bot.on("message", async (ctx) => {
    if (ctx.chat.type === "private") await sendHtml(ctx, texts(langOf(ctx)).emptyQuestion);
  });
}

/** A grammY bot with every handler installed, not started. */
export function createBot(token: string, deps: BotDeps): Bot {
  const bot = new Bot(token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ...(deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : {}),
  });
  // Network errors are not retried here: polling retries its own, and a reply stuck in retries would hold up
  // every update behind it.
  bot.api.config.use(
    autoRetry({ maxDelaySeconds: MAX_RETRY_DELAY_SECONDS, maxRetryAttempts: 3, rethrowHttpErrors: true }),
  );
  const handlers = new BotHandlers(deps, token);
  // errorBoundary covers webhooks and handleUpdate too; bot.catch only sees long polling.
  const guarded = bot.errorBoundary((error) => handlers.apologize(error));
  guarded.use(accessGate(deps.allowedChatIds ?? [], deps.logger), groupGate(), rateGate(handlers.rateLimit));
  registerCommands(guarded, handlers);
  registerHandlers(guarded, handlers);
  bot.catch((error) => handlers.logError(error.error, "telegram update failed outside the error boundary"));
  return bot;
}
