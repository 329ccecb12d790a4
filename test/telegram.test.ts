import fc from "fast-check";
import type { InlineKeyboardMarkup, InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerPhraser } from "../answer/answer-types";
import { startTelegram } from "../bot/start-telegram";
import { registerCommandMenus } from "../bot/telegram/commands";
import { formatAnswer } from "../bot/telegram/format";
import { escapeHtml, visibleText } from "../bot/telegram/html";
import { readDeadlineRequest } from "../bot/telegram/listings";
import { RateLimiter } from "../bot/telegram/rate-limit";
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from "../bot/telegram/split";
import { loadConfig } from "../core/config";
import { testDeps } from "./support/desk";
import {
  BOT_INFO,
  callbackQuery,
  capturingLogger,
  createTestBot,
  GROUP_ID,
  groupMessage,
  inlineQuery,
  TEST_TOKEN,
  textMessage,
} from "./support/telegram-updates";

const VNEID_QUESTION = "co bao nhieu tai khoan vneid";
const KNOWN_TAGS = new Set(["b", "i", "code", "blockquote"]);

/** Throws unless the HTML is what Telegram's parser accepts: known tags, balanced, entities whole. */
function expectWellFormed(html: string): void {
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)>|<|&(#?[a-z0-9]+;)?/g)) {
    if (match[0] === "<") throw new Error(`raw "<" in ${html.slice(0, 80)}`);
    if (match[0].startsWith("&")) {
      expect(["&amp;", "&lt;", "&gt;", "&quot;"]).toContain(match[0]);
      continue;
    }
    const [, slash, tag = ""] = match;
    expect(KNOWN_TAGS.has(tag)).toBe(true);
    if (slash) expect(open.pop()).toBe(tag);
    else open.push(tag);
  }
  expect(open).toEqual([]);
}

const words = (html: string) => visibleText(html).split(/\s+/).filter(Boolean);

function keyboardOf(payload: Record<string, unknown>): InlineKeyboardMarkup | undefined {
  return payload.reply_markup as InlineKeyboardMarkup | undefined;
}

describe("splitHtml", () => {
  it("keeps a short message whole", () => {
    expect(splitHtml("<b>67 triệu</b>\nNguồn")).toEqual(["<b>67 triệu</b>\nNguồn"]);
  });

  it("breaks a long message between lines, each part within the limit and balanced", () => {
    const line = (index: number) =>
      `• <b>Dòng ${index}</b> — ${escapeHtml("Bộ TT&TT <chủ trì>")} ${"chữ ".repeat(20)}`;
    const html = Array.from({ length: 200 }, (_, index) => line(index)).join("\n");
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expectWellFormed(part);
      expect(part.startsWith("• <b>Dòng")).toBe(true);
    }
    expect(words(parts.join("\n"))).toEqual(words(html));
  });

  it("cuts one overlong line at spaces, closing and reopening its tags", () => {
    const html = `<blockquote>${escapeHtml("a&b <c> ").repeat(900)}<b>cuối</b></blockquote>`;
    const parts = splitHtml(html, 1000);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(part.startsWith("<blockquote>")).toBe(true);
      expectWellFormed(part);
    }
    expect(words(parts.join(" "))).toEqual(words(html));
  });

  it("never produces a part over the limit, broken markup or lost words, whatever the input", () => {
    const segment = fc.tuple(
      fc.constantFrom("", "b", "i", "code", "blockquote"),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 40 }),
        fc.integer({ min: 200, max: 800 }),
        (segments, limit) => {
          const html = segments
            .map(([tag, text]) => (tag ? `<${tag}>${escapeHtml(text)}</${tag}>` : escapeHtml(text)))
            .join("\n");
          const parts = splitHtml(html, limit);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(limit);
            expectWellFormed(part);
          }
          expect(words(parts.join("\n"))).toEqual(words(html));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("answers in a private chat", () => {
  it("answers a real question with the figure first, its date, source and quote, as HTML", async () => {
    const { send, sent, calls, callsTo } = createTestBot();
    await send(textMessage(VNEID_QUESTION));
    const [reply] = sent();
    expect(reply).toMatch(/^<b>67 triệu tài khoản VNeID<\/b>/);
    expect(reply).toContain("Số liệu đến");
    expect(reply).toContain("Báo cáo tổng kết");
    expect(reply).toContain("<blockquote>");
    expect(visibleText(reply ?? "")).toContain("67 triệu tài khoản VNeID");
    // Accounts issued in 2023 are another measure than accounts approved: related, not earlier.
    expect(reply).toContain("Số liệu liên quan");
    expect(reply).not.toContain("Các kỳ trước");
    expect(reply).toContain("trên 70 triệu");
    expectWellFormed(reply ?? "");
    expect(callsTo("sendMessage")[0]?.payload.parse_mode).toBe("HTML");
    // "typing…" goes out before the answer.
    expect(calls[0]).toMatchObject({ method: "sendChatAction", payload: { action: "typing" } });
  });

  it("puts Nguồn and Số liệu cũ hơn buttons under the answer, with callback data under 64 bytes", async () => {
    const { send, callsTo } = createTestBot();
    await send(textMessage(VNEID_QUESTION));
    const buttons = keyboardOf(callsTo("sendMessage")[0]?.payload ?? {})?.inline_keyboard.flat() ?? [];
    expect(buttons.map((button) => button.text)).toEqual(["Nguồn", "Số liệu cũ hơn"]);
    for (const button of buttons) {
      const data = "callback_data" in button ? button.callback_data : "";
      expect(Buffer.byteLength(data)).toBeLessThan(64);
      expect(data).toMatch(/^(src|old):/);
    }
  });

  it("sends the full citations for Nguồn and the timeline for Số liệu cũ hơn", async () => {
    const { send, sent, callsTo } = createTestBot();
    await send(textMessage(VNEID_QUESTION));
    const buttons = keyboardOf(callsTo("sendMessage")[0]?.payload ?? {})?.inline_keyboard.flat() ?? [];
    const dataOf = (index: number) => {
      const button = buttons[index];
      return button && "callback_data" in button ? button.callback_data : "";
    };
    await send(callbackQuery(dataOf(0)));
    const citations = sent()[1] ?? "";
    expect(citations).toContain("Nguồn trích dẫn");
    expect(citations).toContain("[1]");
    expect(citations).toContain("phê duyệt 67 triệu tài khoản VNeID");
    expectWellFormed(citations);
    await send(callbackQuery(dataOf(1)));
    const timeline = sent()[2] ?? "";
    expect(timeline).toContain("67 triệu");
    expect(timeline).toContain("trên 70 triệu");
    // One block per measure, titled by it.
    expect(timeline).toContain("<b>tài khoản VNeID được phê duyệt</b>");
    expect(callsTo("answerCallbackQuery")).toHaveLength(2);
  });

  it("does not call a newer figure older when the question pins an earlier date", async () => {
    const { send, sent, callsTo } = createTestBot();
    await send(
      textMessage("How many chip-based citizen ID cards had been issued by January 2025?", {
        languageCode: "en",
      }),
    );
    const [reply = ""] = sent();
    expect(reply).toMatch(/^<b>trên 87,9 triệu/);
    expect(reply).toContain("As of: 01/2025");
    expect(reply).toContain("Later figures:\n• 11/2025: <b>hơn 87 triệu");
    expect(reply).not.toContain("Earlier figures");
    const buttons = keyboardOf(callsTo("sendMessage")[0]?.payload ?? {})?.inline_keyboard.flat() ?? [];
    expect(buttons.map((button) => button.text)).toEqual(["Sources", "Newer figures"]);
  });

  it("asks to ask again when a button's answer is no longer kept", async () => {
    const { send, sent, callsTo } = createTestBot();
    await send(callbackQuery("src:gone1234"));
    expect(sent()).toEqual([]);
    expect(String(callsTo("answerCallbackQuery")[0]?.payload.text)).toContain("hỏi lại");
  });

  it("escapes what the user typed: a question with <b>& cannot break the HTML", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("<b>& co bao nhieu tai khoan vneid </i>"));
    const [reply] = sent();
    expect(reply).toBeDefined();
    expectWellFormed(reply ?? "");
  });

  it("escapes report text in every formatted piece", () => {
    const hostile: Answer = {
      status: "answered",
      answer: "ignored",
      confidence: 1,
      lang: "vi",
      figures: [{ value: 5, text: "<5", unit: "tài khoản & thẻ", asOf: "2025-01", citation: 0 }],
      deadlines: [],
      citations: [
        {
          doc: "d",
          title: "Báo cáo <script>&",
          number: "1/BC",
          date: "2025-02-04",
          section: "I. <Kết quả>",
          quote: "Có <5 tài khoản & thẻ > mục tiêu.",
          label: "BC <1>",
          asOf: "2025-01",
          start: 0,
          end: 10,
        },
      ],
    };
    const html = formatAnswer(hostile);
    expectWellFormed(html);
    expect(html).toContain("&lt;5 tài khoản &amp; thẻ");
    expect(visibleText(html)).toContain("Báo cáo <script>&");
  });

  it("splits a very long answer into several messages, buttons under the last", async () => {
    // A phrasing without numbers passes the grounding check, so the long text is what /api/ask returns too.
    const long = Array.from(
      { length: 400 },
      (_, index) => `Đoạn <b>&amp; thứ ${"x".repeat(index % 7)} của câu trả lời.`,
    ).join(" ");
    const phraser: AnswerPhraser = { phrase: async () => long.replace(/\d/g, "") };
    const { send, sent, callsTo } = createTestBot({ desk: () => testDeps({ phraser }) });
    await send(
      textMessage(
        "Hội nghị đánh giá tình hình 02 năm triển khai Đề án 06 do Thủ tướng chủ trì diễn ra ngày nào?",
      ),
    );
    const parts = sent();
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expectWellFormed(part);
    }
    expect(visibleText(parts.join(" "))).toContain("Đoạn <b>&amp; thứ");
    const messages = callsTo("sendMessage");
    expect(messages.slice(0, -1).every((call) => call.payload.reply_markup === undefined)).toBe(true);
    expect(keyboardOf(messages.at(-1)?.payload ?? {})).toBeDefined();
  });

  it("lists the deadlines a question asks for, with the period it named and the overdue ones marked", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("những việc phải hoàn thành trong Quý I/2024"));
    const [reply = ""] = sent();
    expect(reply.split("\n")[0]).toMatch(
      /^<b>Các nhiệm vụ có thời hạn trong Quý I\/2024, theo hạn: \(\d+\)<\/b>$/,
    );
    const row = reply.split("\n").find((line) => line.includes("Phiếu lý lịch tư pháp"));
    expect(row).toContain("<b>31/03/2024</b>");
    expect(row).toContain("<b>đã quá hạn</b>");
  });

  it("says the service is starting while the index is not loaded", async () => {
    const { send, sent } = createTestBot({ desk: () => undefined });
    await send(textMessage(VNEID_QUESTION));
    expect(sent()[0]).toContain("đang khởi động");
  });
});

describe("commands", () => {
  it("/start says what the bot does and gives three example questions", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/start"));
    const [reply = ""] = sent();
    expect(reply).toContain("số liệu Đề án 06");
    expect(reply.match(/^• /gm)).toHaveLength(3);
    expectWellFormed(reply);
  });

  it("/help lists the commands and how to use the bot in groups and inline", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/help", { languageCode: "en" }));
    const [reply = ""] = sent();
    for (const command of ["/figures", "/deadlines", "/sources", "@figures_desk_bot"])
      expect(reply).toContain(command);
    expectWellFormed(reply);
  });

  it("/solieu lists the figures on a topic, newest first", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/solieu tài khoản"));
    const [reply = ""] = sent();
    expect(reply).toContain("Số liệu về “tài khoản”");
    expect(reply).toContain("67 triệu");
    const dates = [...visibleText(reply).matchAll(/số liệu đến (\d{2})\/(\d{4})/g)].map(
      (match) => `${match[2]}-${match[1]}`,
    );
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    expectWellFormed(reply);
  });

  it("/figures answers in English and /solieu without a topic explains itself", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/figures vneid accounts"));
    await send(textMessage("/solieu"));
    expect(sent()[0]).toContain("Figures on “vneid accounts”");
    expect(sent()[1]).toContain("/solieu tài khoản vneid");
  });

  it("/hanchot quý I/2024 lists that quarter's tasks with the overdue ones marked", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/hanchot quý I/2024"));
    const [reply = ""] = sent();
    expect(reply).toContain("Quý I/2024");
    const row = reply.split("\n").find((line) => line.includes("Phiếu lý lịch tư pháp"));
    expect(row).toContain("Quý I năm 2024");
    expect(row).toContain("<b>đã quá hạn</b>");
    expectWellFormed(reply);
  });

  it("/hanchot reads months, English quarters, bodies and says when it cannot", async () => {
    expect(readDeadlineRequest("tháng 3/2025")?.period).toMatchObject({
      from: "2025-03-01",
      to: "2025-03-31",
    });
    expect(readDeadlineRequest("Q1 2025")?.period).toMatchObject({ from: "2025-01-01", to: "2025-03-31" });
    expect(readDeadlineRequest("Bộ Y tế")?.body).toBe("Bộ Y tế");
    expect(readDeadlineRequest("quá hạn")?.overdue).toBe(true);
    expect(readDeadlineRequest("")).toEqual({});
    expect(readDeadlineRequest("hôm nào đó")).toBeUndefined();
    const { send, sent } = createTestBot();
    await send(textMessage("/hanchot Bộ Y tế"));
    await send(textMessage("/hanchot hôm nào <đó>"));
    expect(sent()[0]).toContain("của Bộ Y tế");
    expect(sent()[1]).toContain("hôm nào &lt;đó&gt;");
  });

  it("/nguon lists the documents with their numbers and dates", async () => {
    const { send, sent } = createTestBot();
    await send(textMessage("/nguon"));
    const [reply = ""] = sent();
    expect(reply).toContain("Báo cáo số 290/BC-TCTTKĐA");
    expect(reply).toContain("04/02/2025");
    expect(reply.match(/^• /gm)?.length).toBe(testDeps().index.documents.length);
  });

  it("registers the command menu in Vietnamese and English", async () => {
    const { bot, callsTo } = createTestBot();
    await registerCommandMenus(bot.api, capturingLogger(), TEST_TOKEN);
    const [english, vietnamese] = callsTo("setMyCommands").map((call) => call.payload);
    const names = (payload: Record<string, unknown> | undefined) =>
      ((payload?.commands ?? []) as { command: string }[]).map((command) => command.command);
    expect(english?.language_code).toBeUndefined();
    expect(names(english)).toEqual(["start", "help", "figures", "deadlines", "sources"]);
    expect(vietnamese?.language_code).toBe("vi");
    expect(names(vietnamese)).toEqual(["start", "help", "solieu", "hanchot", "nguon"]);
  });
});

describe("inline mode", () => {
  it("offers articles that post the figure with its citation", async () => {
    const { send, callsTo } = createTestBot();
    await send(inlineQuery("tài khoản vneid"));
    const payload = callsTo("answerInlineQuery")[0]?.payload ?? {};
    const results = payload.results as InlineQueryResultArticle[];
    expect(results.length).toBeGreaterThan(0);
    const [first] = results;
    expect(first?.type).toBe("article");
    expect(first?.title).toContain("67 triệu");
    const content = first?.input_message_content as { message_text: string; parse_mode: string };
    expect(content.message_text).toContain("67 triệu");
    expect(content.message_text).toContain("Báo cáo tổng kết");
    expect(content.parse_mode).toBe("HTML");
    expect(Number(payload.cache_time)).toBeLessThanOrEqual(30);
  });

  it("reads English keywords as a figure question too", async () => {
    const { send, callsTo } = createTestBot();
    await send(inlineQuery("vneid accounts", { languageCode: "en" }));
    const results = callsTo("answerInlineQuery")[0]?.payload.results as InlineQueryResultArticle[];
    expect(results.map((result) => result.title)).toContain("67 triệu tài khoản VNeID");
  });

  it("offers no results but a hint for an empty query", async () => {
    const { send, callsTo } = createTestBot();
    await send(inlineQuery("  "));
    const payload = callsTo("answerInlineQuery")[0]?.payload ?? {};
    expect(payload.results).toEqual([]);
    expect(payload.button).toMatchObject({ start_parameter: "inline-help" });
  });
});

describe("groups", () => {
  it("ignores a plain message in a group", async () => {
    const { send, calls } = createTestBot();
    await send(groupMessage(VNEID_QUESTION));
    await send(groupMessage(VNEID_QUESTION, { replyTo: "user" }));
    expect(calls).toEqual([]);
  });

  it("answers a mention, quoting the question, without the mention in the question", async () => {
    const { send, sent, callsTo } = createTestBot();
    const update = groupMessage(`@${BOT_INFO.username} ${VNEID_QUESTION}`);
    await send(update);
    expect(sent()[0]).toContain("67 triệu");
    const payload = callsTo("sendMessage")[0]?.payload;
    expect(payload?.chat_id).toBe(GROUP_ID);
    expect(payload?.reply_parameters).toMatchObject({ message_id: update.message?.message_id });
  });

  it("answers a reply to one of its messages and commands meant for it", async () => {
    const { send, sent } = createTestBot();
    await send(groupMessage(VNEID_QUESTION, { replyTo: "bot" }));
    await send(groupMessage(`/help@${BOT_INFO.username}`));
    await send(groupMessage("/help@some_other_bot"));
    expect(sent()).toHaveLength(2);
    expect(sent()[0]).toContain("67 triệu");
    expect(sent()[1]).toContain("/hanchot");
  });

  it("asks for a question when mentioned with nothing else", async () => {
    const { send, sent } = createTestBot();
    await send(groupMessage(`@${BOT_INFO.username}`));
    expect(sent()[0]).toContain("Hãy gõ câu hỏi");
  });
});

describe("limits and access", () => {
  it("answers N messages a minute, then says so once and stays quiet", async () => {
    const { send, sent } = createTestBot({ rateLimitPerMinute: 2 });
    for (let count = 0; count < 5; count += 1) await send(textMessage("/help"));
    const replies = sent();
    expect(replies).toHaveLength(3);
    expect(replies[2]).toContain("tối đa 2 tin nhắn");
    await send(textMessage("/help", { userId: 2002 }));
    expect(sent()).toHaveLength(4);
  });

  it("slides its window: a slot frees a minute after the message that took it", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.check(1), limiter.check(1), limiter.check(1), limiter.check(1)]).toEqual([
      "allow",
      "allow",
      "notify",
      "drop",
    ]);
    now = 60_001;
    expect([limiter.check(1), limiter.check(1), limiter.check(1)]).toEqual(["allow", "allow", "notify"]);
  });

  it("refuses users off the allow-list in private and ignores them in groups", async () => {
    const { send, sent, calls } = createTestBot({ allowedChatIds: ["555", String(GROUP_ID)] });
    await send(textMessage(VNEID_QUESTION));
    expect(sent()[0]).toContain("chỉ phục vụ");
    const before = calls.length;
    await send(textMessage(`@${BOT_INFO.username} hi`, { chatId: -100999 }));
    expect(calls.length).toBe(before);
    await send(textMessage(VNEID_QUESTION, { userId: 555 }));
    await send(groupMessage(`@${BOT_INFO.username} ${VNEID_QUESTION}`));
    expect(
      sent()
        .slice(1)
        .every((reply) => reply.includes("67 triệu")),
    ).toBe(true);
    expect(sent()).toHaveLength(3);
  });
});

describe("errors", () => {
  it("apologizes and logs when answering throws, without the token in the log", async () => {
    const broken = () =>
      testDeps({
        today: () => {
          throw new Error(`disk on fire near ${TEST_TOKEN}`);
        },
      });
    const { send, sent, logger } = createTestBot({ desk: broken });
    await send(textMessage(VNEID_QUESTION));
    expect(sent()).toEqual(["Xin lỗi, đã có lỗi. Vui lòng thử lại."]);
    const logged = logger.entries.find((entry) => entry.level === "error");
    expect(logged?.message).toBe("telegram update failed");
    expect(JSON.stringify(logger.entries)).toContain("disk on fire");
    expect(JSON.stringify(logger.entries)).not.toContain(TEST_TOKEN);
  });

  it("keeps answering after a failed update", async () => {
    let fail = true;
    const flaky = () => {
      if (fail) {
        fail = false;
        throw new Error("flaky");
      }
      return testDeps();
    };
    const { send, sent } = createTestBot({ desk: flaky });
    await send(textMessage(VNEID_QUESTION));
    await send(textMessage(VNEID_QUESTION));
    expect(sent()[0]).toContain("Xin lỗi");
    expect(sent()[1]).toContain("67 triệu");
  });
});

describe("startTelegram", () => {
  it("runs the HTTP service alone without a token", async () => {
    const logger = capturingLogger();
    const handle = await startTelegram(loadConfig({}), { desk: () => undefined, logger });
    expect(handle.webhook).toBeUndefined();
    await handle.start();
    await handle.stop();
    expect(logger.entries[0]?.fields).toContain("TELEGRAM_BOT_TOKEN is not set");
  });

  it("offers the webhook route in webhook mode and can stop a bot it never started", async () => {
    const env = {
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://desk.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: "s3cret_value",
    };
    const webhook = await startTelegram(loadConfig(env), {
      desk: () => undefined,
      logger: capturingLogger(),
    });
    expect(webhook.webhook?.path).toBe("/telegram/webhook");
    await webhook.stop();
    const polling = await startTelegram(loadConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN }), {
      desk: () => undefined,
      logger: capturingLogger(),
    });
    expect(polling.webhook).toBeUndefined();
    await expect(polling.stop()).resolves.toBeUndefined();
  });
});
