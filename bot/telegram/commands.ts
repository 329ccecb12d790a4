import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Lang } from "../../answer/wording";
import type { Logger } from "../../core/logger";
import { describeTelegramError } from "./safe-error";

/**
 * The commands, each under a Vietnamese and an English name. Telegram shows the menu in the user's app
 * language, so the Vietnamese names are registered for `vi` and the English ones as the default.
 */
export const COMMAND_NAMES = {
  start: { vi: "start", en: "start" },
  help: { vi: "help", en: "help" },
  figures: { vi: "solieu", en: "figures" },
  deadlines: { vi: "hanchot", en: "deadlines" },
  sources: { vi: "nguon", en: "sources" },
} as const;

export type CommandKey = keyof typeof COMMAND_NAMES;

const DESCRIPTIONS: Record<Lang, Record<CommandKey, string>> = {
  vi: {
    start: "Giới thiệu và câu hỏi mẫu",
    help: "Cách dùng bot",
    figures: "Số liệu theo chủ đề, mới nhất trước",
    deadlines: "Thời hạn theo tháng, quý hoặc cơ quan",
    sources: "Các văn bản nguồn và ngày ban hành",
  },
  en: {
    start: "What this bot does, with example questions",
    help: "How to use the bot",
    figures: "Figures on a topic, newest first",
    deadlines: "Deadlines by month, quarter or body",
    sources: "The source documents and their dates",
  },
};

export function commandMenu(lang: Lang): BotCommand[] {
  return (Object.keys(COMMAND_NAMES) as CommandKey[]).map((key) => ({
    command: COMMAND_NAMES[key][lang],
    description: DESCRIPTIONS[lang][key],
  }));
}

/** A missing menu only costs discoverability, so a failure is logged and the bot runs on. */
export async function registerCommandMenus(api: Api, logger: Logger, token: string): Promise<void> {
  try {
    await api.setMyCommands(commandMenu("en"));
    await api.setMyCommands(commandMenu("vi"), { language_code: "vi" });
  } catch (error) {
    logger.warn({ err: describeTelegramError(error, token) }, "could not register the Telegram command menu");
  }
}
