import type { DeadlineStatus, DocumentSummary } from "./api";

/**
 * Every fixed word of the interface, in Vietnamese (the default: the reports and most readers are
 * Vietnamese) and English. Quotes, titles and figures are never translated: they are shown as printed.
 */
export type Lang = "vi" | "en";

const ROMAN = ["I", "II", "III", "IV"];

const VIETNAMESE = {
  appTitle: "Bàn số liệu Đề án 06",
  tagline: "Số liệu chính xác, thời điểm và trích dẫn nguyên văn từ các báo cáo Đề án 06",
  skipToContent: "Bỏ qua, đến nội dung chính",
  navigationLabel: "Các mục",
  navigationAsk: "Hỏi số liệu",
  navigationDeadlines: "Thời hạn",
  navigationDocuments: "Văn bản",
  otherLanguage: "English",
  otherLanguageTitle: "Switch the interface to English",
  footer: "Chỉ hiển thị nội dung các báo cáo in ra; mọi số liệu đều kèm trích dẫn.",
  loading: "Đang tải…",
  askHeading: "Hỏi số liệu",
  questionLabel: "Câu hỏi",
  questionPlaceholder: "Ví dụ: Bao nhiêu tài khoản VNeID đã được kích hoạt? hoặc: so the can cuoc gan chip",
  questionHint: "Gõ có dấu, không dấu hoặc bằng tiếng Anh.",
  askButton: "Hỏi",
  examplesLabel: "Thử hỏi",
  examples: [
    "Bao nhiêu tài khoản VNeID đã được kích hoạt?",
    "so the can cuoc gan chip da cap",
    "Tỷ lệ hồ sơ trực tuyến toàn trình",
    "How many chip-based ID cards have been issued?",
  ],
  searching: "Đang tra cứu…",
  emptyQuestion: "Hãy nhập câu hỏi.",
  notFoundTitle: "Không tìm thấy câu trả lời",
  notFound:
    "Các báo cáo trong kho không trả lời được câu hỏi này. Hãy hỏi cách khác hoặc tra trong danh sách văn bản.",
  closestPassages: "Các đoạn gần với câu hỏi nhất (không phải câu trả lời):",
  errorTitle: "Không lấy được dữ liệu",
  networkError: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
  serverError: (code: string) => `Máy chủ báo lỗi (${code}):`,
  asOf: "Số liệu đến",
  leadFigureLabel: "Số liệu",
  quoteLabel: "Trích nguyên văn",
  sourceLabel: "Nguồn",
  issuedOn: "ngày",
  numberLabel: "Số",
  sectionLabel: "Mục",
  openInDocument: "Xem đoạn trích trong văn bản",
  copyCitation: "Chép trích dẫn",
  copied: "Đã chép trích dẫn vào bộ nhớ tạm.",
  copyFailed: "Trình duyệt không cho chép tự động; hãy chọn và chép dòng sau:",
  answerText: "Toàn văn câu trả lời",
  citationsHeading: "Các trích dẫn",
  timelineHeading: "Số liệu qua các kỳ",
  measureLabel: "Chỉ số",
  timelineChartLabel: (count: number) => `Biểu đồ ${count} giá trị của số liệu theo thời điểm`,
  timelineAsOf: "Thời điểm số liệu",
  timelineValue: "Số liệu",
  timelineSource: "Nguồn",
  answerDeadlines: "Nhiệm vụ có thời hạn",
  deadlinesHeading: "Thời hạn nhiệm vụ",
  today: "Hôm nay",
  filtersLabel: "Bộ lọc",
  filterPeriod: "Hạn trong",
  allPeriods: "Mọi thời điểm",
  byQuarter: "Theo quý",
  byMonth: "Theo tháng",
  quarterName: (quarter: number, year: string) => `Quý ${ROMAN[quarter - 1]}/${year}`,
  monthName: (month: string, year: string) => `Tháng ${month}/${year}`,
  filterBody: "Cơ quan chủ trì",
  allBodies: "Tất cả cơ quan",
  noBody: "(không ghi cơ quan)",
  filterStatus: "Trạng thái",
  allStatuses: "Mọi trạng thái",
  status: {
    upcoming: "Chưa đến hạn",
    "due-this-month": "Đến hạn trong tháng",
    "past-due": "Quá hạn",
  } as Record<DeadlineStatus, string>,
  reportedLate: "Báo cáo ghi nhận chậm tiến độ",
  resetFilters: "Bỏ lọc",
  deadlineCount: (shown: number, total: number) => `${shown}/${total} nhiệm vụ, xếp theo hạn`,
  noDeadlines: "Không có nhiệm vụ nào khớp bộ lọc.",
  columnDue: "Hạn",
  columnTask: "Nhiệm vụ",
  columnBody: "Cơ quan chủ trì",
  columnStatus: "Trạng thái",
  columnSetBy: "Văn bản giao",
  documentsHeading: "Văn bản trong kho",
  documentsIntro: "Chọn một văn bản để đọc toàn văn đã làm sạch.",
  columnTitle: "Tên văn bản",
  columnNumber: "Số hiệu",
  columnIssuer: "Cơ quan ban hành",
  columnDate: "Ngày ban hành",
  columnAsOf: "Số liệu đến",
  columnKind: "Loại",
  columnFigures: "Số liệu",
  columnDeadlines: "Thời hạn",
  estimated: "ước tính",
  kinds: {
    report: "Báo cáo",
    conclusion: "Kết luận",
    slides: "Slide",
    plan: "Kế hoạch",
    other: "Khác",
  } as Record<DocumentSummary["kind"], string>,
  backToDocuments: "Danh sách văn bản",
  jumpToCited: "Đến đoạn được trích",
  citedPassageLabel: "Đoạn được trích",
  contentsHeading: "Mục lục",
  pages: "trang",
};

export type Strings = typeof VIETNAMESE;

const ENGLISH: Strings = {
  appTitle: "Đề án 06 figures desk",
  tagline: "Exact figures, dates and verbatim citations from the Đề án 06 reports",
  skipToContent: "Skip to main content",
  navigationLabel: "Sections",
  navigationAsk: "Ask",
  navigationDeadlines: "Deadlines",
  navigationDocuments: "Documents",
  otherLanguage: "Tiếng Việt",
  otherLanguageTitle: "Chuyển giao diện sang tiếng Việt",
  footer: "Shows only what the reports print; every figure comes with its citation.",
  loading: "Loading…",
  askHeading: "Ask for a figure",
  questionLabel: "Question",
  questionPlaceholder: "E.g. How many VNeID accounts have been activated? or: so the can cuoc gan chip",
  questionHint: "Ask in English or Vietnamese, with or without diacritics.",
  askButton: "Ask",
  examplesLabel: "Try",
  examples: [
    "How many VNeID accounts have been activated?",
    "How many chip-based ID cards have been issued?",
    "so the can cuoc gan chip da cap",
    "Tỷ lệ hồ sơ trực tuyến toàn trình",
  ],
  searching: "Searching…",
  emptyQuestion: "Type a question.",
  notFoundTitle: "No answer found",
  notFound: "The reports in the corpus do not answer this question. Try other words or browse the documents.",
  closestPassages: "The passages closest to the question (not an answer):",
  errorTitle: "Could not load the data",
  networkError: "Cannot reach the server. Check the connection and try again.",
  serverError: (code: string) => `The server reported an error (${code}):`,
  asOf: "As of",
  leadFigureLabel: "Figure",
  quoteLabel: "Verbatim quote",
  sourceLabel: "Source",
  issuedOn: "dated",
  numberLabel: "No.",
  sectionLabel: "Section",
  openInDocument: "Show the passage in the document",
  copyCitation: "Copy citation",
  copied: "Citation copied to the clipboard.",
  copyFailed: "The browser refused to copy; select and copy this line:",
  answerText: "Full answer text",
  citationsHeading: "Citations",
  timelineHeading: "Figures over time",
  measureLabel: "Measure",
  timelineChartLabel: (count: number) => `Chart of ${count} values of the figure by as-of date`,
  timelineAsOf: "As of",
  timelineValue: "Figure",
  timelineSource: "Source",
  answerDeadlines: "Tasks with deadlines",
  deadlinesHeading: "Task deadlines",
  today: "Today",
  filtersLabel: "Filters",
  filterPeriod: "Due in",
  allPeriods: "Any time",
  byQuarter: "By quarter",
  byMonth: "By month",
  quarterName: (quarter: number, year: string) => `Q${quarter} ${year}`,
  monthName: (month: string, year: string) => `${month}/${year}`,
  filterBody: "Responsible body",
  allBodies: "All bodies",
  noBody: "(no body named)",
  filterStatus: "Status",
  allStatuses: "Any status",
  status: { upcoming: "Upcoming", "due-this-month": "Due this month", "past-due": "Past due" },
  reportedLate: "A report calls it late",
  resetFilters: "Clear filters",
  deadlineCount: (shown: number, total: number) => `${shown} of ${total} tasks, by due date`,
  noDeadlines: "No task matches the filters.",
  columnDue: "Due",
  columnTask: "Task",
  columnBody: "Responsible body",
  columnStatus: "Status",
  columnSetBy: "Set by",
  documentsHeading: "Documents in the corpus",
  documentsIntro: "Choose a document to read its cleaned full text.",
  columnTitle: "Title",
  columnNumber: "Number",
  columnIssuer: "Issued by",
  columnDate: "Issued on",
  columnAsOf: "Figures as of",
  columnKind: "Kind",
  columnFigures: "Figures",
  columnDeadlines: "Deadlines",
  estimated: "estimated",
  kinds: { report: "Report", conclusion: "Conclusion", slides: "Slides", plan: "Plan", other: "Other" },
  backToDocuments: "All documents",
  jumpToCited: "Go to the cited passage",
  citedPassageLabel: "Cited passage",
  contentsHeading: "Contents",
  pages: "pages",
};

const LANGUAGE_KEY = "figures-desk-language";

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    // Storage can be off (private mode, strict settings); Vietnamese is the right default anyway.
    return "vi";
  }
}

let current: Lang = storedLanguage();

export function language(): Lang {
  return current;
}

export function strings(): Strings {
  return current === "en" ? ENGLISH : VIETNAMESE;
}

export function setLanguage(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Not remembered across visits; the switch still works for this one.
  }
}
