import { formatIsoForReader } from "../core/dates";
import type { Citation, DeadlineStatus } from "./answer-types";

/**
 * The fixed phrases of an answer in Vietnamese and English. Quotes and figures are never translated:
 * they stay exactly as the report prints them.
 */
export type Lang = "vi" | "en";

const PHRASES = {
  vi: {
    asOf: "số liệu đến",
    target: "Chỉ tiêu",
    projected: "Dự kiến",
    earlierValue: "Giá trị trước đây",
    noFigureFor: (time: string) => `Các báo cáo không có số liệu cho ${time}; số liệu gần nhất:`,
    change: "Mức tăng/giảm",
    quote: "Trích",
    signedBy: "Người ký:",
    heading: "Mục",
    earlier: "Các kỳ trước",
    related: "Số liệu liên quan",
    more: "Cùng báo cáo",
    due: "hạn",
    setBy: "theo",
    notFound: "Các báo cáo trong kho không trả lời được câu hỏi này.",
    closest: "Đoạn gần nhất",
    unknownNames: "Các báo cáo không nhắc đến",
    // Counts are derived, not printed in any report: the lines list them without a number.
    deadlines: (scope: string) => `Các nhiệm vụ có thời hạn${scope}, theo hạn:`,
    moreDeadlines: "… và các nhiệm vụ khác (danh sách đầy đủ ở mục Thời hạn).",
    noDeadlines: "Không có nhiệm vụ nào có thời hạn khớp yêu cầu.",
    status: {
      "past-due": "đã quá hạn",
      "due-this-month": "đến hạn trong tháng này",
      upcoming: "chưa đến hạn",
    } as Record<DeadlineStatus, string>,
    reportedLate: "báo cáo sau ghi nhận chậm tiến độ",
    today: "tính đến",
    date: "Ngày",
  },
  en: {
    asOf: "as of",
    target: "Target",
    projected: "Projected",
    earlierValue: "Earlier value",
    noFigureFor: (time: string) => `The reports give no figure for ${time}; the nearest one:`,
    change: "Change",
    quote: "Quote",
    signedBy: "Signed by",
    heading: "Section",
    earlier: "Earlier figures",
    related: "Related figures",
    more: "Same report",
    due: "due",
    setBy: "set by",
    notFound: "The reports in the corpus do not answer this question.",
    closest: "Closest passages",
    unknownNames: "The reports never mention",
    deadlines: (scope: string) => `Tasks with a deadline${scope}, by due date:`,
    moreDeadlines: "… and more (the full list is under Deadlines).",
    noDeadlines: "No task has a deadline matching the request.",
    status: { "past-due": "past due", "due-this-month": "due this month", upcoming: "upcoming" } as Record<
      DeadlineStatus,
      string
    >,
    reportedLate: "a later report calls it late",
    today: "as of",
    date: "Date",
  },
} as const;

export function phrases(lang: Lang) {
  return PHRASES[lang];
}

export function readableDate(iso: string, lang: Lang): string {
  return formatIsoForReader(iso, lang);
}

/** `Báo cáo 290/BC-TCTTKĐA, 04/02/2025`: the one-line source of a citation. */
export function sourceLine(citation: Citation, lang: Lang): string {
  const date = citation.date ? `, ${readableDate(citation.date, lang)}` : "";
  return `${citation.label}${date}`;
}

/**
 * A piece of the sentence around [start, end) of at most `limit` characters, cut at spaces, with "…"
 * where it was cut: short enough for a chat message, still a verbatim substring of the quote.
 */
export function excerpt(sentence: string, start: number, end: number, limit = 280): string {
  if (sentence.length <= limit) return sentence;
  const room = Math.max(0, limit - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(sentence.length, end + (room - (start - from)));
  from = Math.max(0, Math.min(from, to - limit));
  if (from > 0) from = sentence.indexOf(" ", from) + 1 || from;
  if (to < sentence.length) to = sentence.lastIndexOf(" ", to) > end ? sentence.lastIndexOf(" ", to) : to;
  return `${from > 0 ? "…" : ""}${sentence.slice(from, to).trim()}${to < sentence.length ? "…" : ""}`;
}
