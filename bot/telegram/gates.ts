import type { Context, MiddlewareFn } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";
import type { Logger } from "../../core/logger";
import { RateLimiter } from "./rate-limit";
import { texts, userLang } from "./texts";

/**
 * What runs before any handler: who may use the bot, which group messages are meant for it, and how
 * often one person may ask. Each gate either passes the update on or ends it quietly.
 */
const GROUP_CHATS = new Set(["group", "supergroup"]);

export function isGroupChat(ctx: Context): boolean {
  return GROUP_CHATS.has(ctx.chat?.type ?? "");
}

/** Anyone when the list is empty; otherwise a listed chat or a listed user (private chats are both). */
export function isAllowed(ctx: Context, allowed: ReadonlySet<string>): boolean {
  if (allowed.size === 0) return true;
  const chatId = ctx.chat?.id;
  const userId = ctx.from?.id;
  return (
    (chatId !== undefined && allowed.has(String(chatId))) ||
    (userId !== undefined && allowed.has(String(userId)))
  );
}

export function accessGate(allowedChatIds: readonly string[], logger: Logger): MiddlewareFn<Context> {
  const allowed = new Set(allowedChatIds);
  return async (ctx, next) => {
    if (isAllowed(ctx, allowed)) return next();
    logger.info(
      { chatId: ctx.chat?.id, userId: ctx.from?.id },
      "telegram update from a chat not on the allow-list",
    );
    const words = texts(userLang(ctx.from?.language_code));
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: words.notAllowed });
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 60, is_personal: true });
    // Groups are ignored: a refusal on every message there would be noise for everyone else.
    else if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(words.notAllowed);
  };
}

function mentionsBot(message: Message, me: UserFromGetMe): boolean {
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const handle = `@${me.username}`.toLowerCase();
  return entities.some((entity) => {
    if (entity.type === "text_mention") return entity.user.id === me.id;
    return (
      entity.type === "mention" &&
      text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === handle
    );
  });
}

function isCommand(message: Message): boolean {
  return (message.entities ?? []).some((entity) => entity.type === "bot_command" && entity.offset === 0);
}

/** In a group the bot speaks only when spoken to: a command, a mention, or a reply to its own message. */
export function isAddressedToBot(message: Message, me: UserFromGetMe): boolean {
  return isCommand(message) || mentionsBot(message, me) || message.reply_to_message?.from?.id === me.id;
}

export function groupGate(): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!isGroupChat(ctx) || !ctx.message) return next();
    if (isAddressedToBot(ctx.message, ctx.me)) return next();
  };
}

/** The question without the `@bot` that addressed it. */
export function withoutMention(text: string, username: string): string {
  const handle = new RegExp(`@${username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "giu");
  return text.replace(handle, " ").replace(/\s+/g, " ").trim();
}

/** Messages and button presses count against the sender's per-minute limit. */
export function rateGate(limitPerMinute: number): MiddlewareFn<Context> {
  const limiter = new RateLimiter(limitPerMinute);
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !(ctx.message || ctx.callbackQuery)) return next();
    const decision = limiter.check(userId);
    if (decision === "allow") return next();
    const words = texts(userLang(ctx.from?.language_code));
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery(decision === "notify" ? { text: words.rateLimited(limitPerMinute) } : {});
    } else if (decision === "notify") {
      await ctx.reply(words.rateLimited(limitPerMinute));
    }
  };
}
