import type { Lang } from "../../answer/wording";

/**
 * The bot's own words in Vietnamese and English. Report text never passes through here: quotes and
 * figures stay exactly as printed and are escaped where they are placed.
 */
const EXAMPLES = {
  vi: [
    "Có bao nhiêu tài khoản VNeID?",
    "Những việc phải hoàn thành trong Quý I/2024?",
    "Bao nhiêu thẻ căn cước gắn chip đã được cấp đến tháng 1/2025?",
  ],
  en: [
    "How many VNeID accounts are there?",
    "What must be finished in Q1 2024?",
    "How many chip-based citizen ID cards had been issued by January 2025?",
  ],
} as const;

const TEXTS = {
  vi: {
    intro:
      "Tôi là <b>bàn số liệu Đề án 06</b>: trả lời câu hỏi về các báo cáo Đề án 06 bằng đúng con số, ngày tháng và trích dẫn văn bản nguồn.",
    tryAsking: "Thử hỏi:",
    helpTitle: "<b>Cách dùng</b>",
    helpLines: [
      "Gõ câu hỏi bằng tiếng Việt (có dấu hoặc không dấu) hoặc tiếng Anh.",
      "/solieu &lt;chủ đề&gt; — số liệu theo chủ đề, mới nhất trước",
      "/hanchot [tháng|quý|cơ quan] — các thời hạn, đánh dấu việc đã quá hạn",
      "/nguon — các văn bản nguồn và ngày ban hành",
      "Trong nhóm: gọi tôi bằng @{bot}, trả lời tin nhắn của tôi, hoặc dùng lệnh.",
      "Ở chat bất kỳ: gõ <code>@{bot} tài khoản vneid</code> để chèn số liệu kèm nguồn.",
    ],
    starting: "Dịch vụ đang khởi động, dữ liệu chưa sẵn sàng. Vui lòng thử lại sau ít phút.",
    error: "Xin lỗi, đã có lỗi. Vui lòng thử lại.",
    rateLimited: (limit: number) =>
      `Bạn hỏi hơi nhanh. Mỗi phút tôi trả lời tối đa ${limit} tin nhắn của một người; vui lòng đợi một chút rồi hỏi tiếp.`,
    notAllowed: "Xin lỗi, bot này chỉ phục vụ những người dùng và nhóm đã được cấp quyền.",
    emptyQuestion: "Hãy gõ câu hỏi, ví dụ: <i>Có bao nhiêu tài khoản VNeID?</i>",
    tooLong: (limit: number) => `Câu hỏi dài quá ${limit} ký tự. Vui lòng rút gọn.`,
    unknownCommand: "Không có lệnh này. Gõ /help để xem các lệnh.",
    expired: "Câu trả lời này đã cũ, tôi không còn lưu. Vui lòng hỏi lại.",
    sourcesButton: "Nguồn",
    olderButton: "Số liệu cũ hơn",
    newerButton: "Số liệu mới hơn",
    asOf: "Số liệu đến",
    measure: "Chỉ số",
    source: "Nguồn",
    number: "số",
    section: "mục",
    page: "trang",
    earlier: "Các kỳ trước",
    related: "Số liệu liên quan",
    later: "Các kỳ sau",
    sameReport: "Cùng báo cáo",
    timelineTitle: "Diễn biến số liệu (mới nhất trước)",
    noOlder: "Không có số liệu kỳ khác cho chỉ tiêu này.",
    citationsTitle: "Nguồn trích dẫn",
    due: "Hạn",
    setBy: "theo",
    figuresUsage: "Gõ chủ đề sau lệnh, ví dụ: <code>/solieu tài khoản vneid</code>",
    figuresTitle: (topic: string) => `Số liệu về “${topic}” (mới nhất trước)`,
    noFigures: (topic: string) => `Không tìm thấy số liệu nào về “${topic}”. Thử từ khóa khác.`,
    deadlinesAll: "Các nhiệm vụ có thời hạn",
    deadlinesIn: (scope: string) => `Các nhiệm vụ có thời hạn ${scope}`,
    deadlinesUnclear: (argument: string) =>
      `Không nhận ra khoảng thời gian hay cơ quan trong “${argument}”. Ví dụ: <code>/hanchot quý I/2025</code>, <code>/hanchot tháng 3/2025</code>, <code>/hanchot Bộ Y tế</code>, <code>/hanchot quá hạn</code>.`,
    noDeadlines: "Không có nhiệm vụ nào có thời hạn khớp yêu cầu.",
    moreDeadlines: (count: number) => `… và ${count} nhiệm vụ khác. Thu hẹp theo tháng, quý hoặc cơ quan.`,
    today: "tính đến",
    inPeriod: (period: string) => `trong ${period}`,
    ofBody: (body: string) => `của ${body}`,
    overdue: "đã quá hạn",
    sourcesTitle: "Các văn bản nguồn",
    issued: "ban hành",
    figuresAsOf: "số liệu đến",
    inlineHint: "Gõ câu hỏi, ví dụ: tài khoản vneid",
    inlineStarting: "Dịch vụ đang khởi động",
    inlineNotFound: "Không tìm thấy — hỏi tôi trong chat riêng",
  },
  en: {
    intro:
      "I am the <b>Đề án 06 figures desk</b>: I answer questions about the Đề án 06 reports with the exact figure, its date and a citation to the source document.",
    tryAsking: "Try asking:",
    helpTitle: "<b>How to use</b>",
    helpLines: [
      "Type a question in Vietnamese (with or without diacritics) or English.",
      "/figures &lt;topic&gt; — figures on a topic, newest first",
      "/deadlines [month|quarter|body] — deadlines, overdue ones marked",
      "/sources — the source documents and their dates",
      "In groups: mention @{bot}, reply to one of my messages, or use a command.",
      "In any chat: type <code>@{bot} vneid accounts</code> to insert a figure with its source.",
    ],
    starting: "The service is starting and the data is not ready yet. Please try again in a few minutes.",
    error: "Sorry, something went wrong. Please try again.",
    rateLimited: (limit: number) =>
      `You are asking a little fast. I answer at most ${limit} messages per person per minute; please wait a moment.`,
    notAllowed: "Sorry, this bot only serves authorized users and groups.",
    emptyQuestion: "Type a question, for example: <i>How many VNeID accounts are there?</i>",
    tooLong: (limit: number) => `The question is longer than ${limit} characters. Please shorten it.`,
    unknownCommand: "There is no such command. Type /help to see the commands.",
    expired: "I no longer keep this answer. Please ask again.",
    sourcesButton: "Sources",
    olderButton: "Older figures",
    newerButton: "Newer figures",
    asOf: "As of",
    measure: "Measure",
    source: "Source",
    number: "no.",
    section: "section",
    page: "page",
    earlier: "Earlier figures",
    related: "Related figures",
    later: "Later figures",
    sameReport: "Same report",
    timelineTitle: "How the figure changed (newest first)",
    noOlder: "There are no figures from other periods for this metric.",
    citationsTitle: "Sources quoted",
    due: "Due",
    setBy: "set by",
    figuresUsage: "Type a topic after the command, for example: <code>/figures vneid accounts</code>",
    figuresTitle: (topic: string) => `Figures on “${topic}” (newest first)`,
    noFigures: (topic: string) => `No figures found on “${topic}”. Try other words.`,
    deadlinesAll: "Tasks with a deadline",
    deadlinesIn: (scope: string) => `Tasks with a deadline ${scope}`,
    deadlinesUnclear: (argument: string) =>
      `I could not read a period or a body in “${argument}”. Examples: <code>/deadlines Q1 2025</code>, <code>/deadlines March 2025</code>, <code>/deadlines Ministry of Health</code>, <code>/deadlines overdue</code>.`,
    noDeadlines: "No task has a deadline matching the request.",
    moreDeadlines: (count: number) => `… and ${count} more. Narrow it down by month, quarter or body.`,
    today: "as of",
    inPeriod: (period: string) => `in ${period}`,
    ofBody: (body: string) => `for ${body}`,
    overdue: "past due",
    sourcesTitle: "Source documents",
    issued: "issued",
    figuresAsOf: "figures as of",
    inlineHint: "Type a question, e.g. vneid accounts",
    inlineStarting: "The service is starting",
    inlineNotFound: "Nothing found — ask me in a private chat",
  },
} as const;

export type BotTexts = (typeof TEXTS)[Lang];

export function texts(lang: Lang): BotTexts {
  return TEXTS[lang];
}

export function exampleQuestions(lang: Lang): readonly string[] {
  return EXAMPLES[lang];
}

/**
 * The language of the bot's own messages: Vietnamese unless the user's Telegram app is set to another
 * language, since the reports and most askers are Vietnamese.
 */
export function userLang(languageCode: string | undefined): Lang {
  if (!languageCode) return "vi";
  return languageCode.toLowerCase().startsWith("vi") ? "vi" : "en";
}
