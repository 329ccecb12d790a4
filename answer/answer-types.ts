import type { Embedder } from "../index/embedder";
import type { LoadedIndex } from "../index/read";

/**
 * The answer every channel shares (HTTP, Telegram, web page, CLI). Field names are a public contract:
 * other clients are written against `POST /api/ask`.
 */
export interface Citation {
  /** Document id. */
  doc: string;
  title: string;
  number?: string;
  /** Issue date of the document (ISO, partial when only month or year is known). */
  date?: string;
  /** Section path, e.g. `II. Kết quả › 4. Về phát triển công dân số`. */
  section?: string;
  page?: number;
  /** The exact source sentence, as printed in the cleaned report. */
  quote: string;
  /** Short name used in answers, e.g. `Báo cáo 290/BC-TCTTKĐA`. */
  label: string;
  issuer?: string;
  /** The date the document's figures describe. */
  asOf: string;
  /** Offsets of the quote in the document's cleaned text, for highlighting it in the document view. */
  start: number;
  end: number;
}

export interface AnswerFigure {
  value: number;
  /** As printed, qualifier included: `trên 87,9 triệu`. */
  text: string;
  unit?: string;
  asOf: string;
  /** Index into `citations`. */
  citation: number;
  /** What the figure counts: `tài khoản VNeID được phê duyệt`. */
  measure?: string;
  /** Key of the figure's series (`GET /api/series`): figures of one series are one line in a chart. */
  series?: string;
  /** A goal rather than a result. */
  target?: boolean;
  /** A change rather than a level. */
  change?: boolean;
  /** Expected rather than achieved. */
  projected?: boolean;
}

export type DeadlineStatus = "upcoming" | "due-this-month" | "past-due";

export interface AnswerDeadline {
  task: string;
  body?: string;
  /** As printed: `Quý I năm 2024`, `trước ngày 01/7/2025`. */
  dueText: string;
  /** Normalized last day: `2024-03-31`. */
  dueDate: string;
  /** Date of the document that set it. */
  setOn: string;
  status: DeadlineStatus;
  /** A report calls the task late (`chậm tiến độ`). */
  reportedLate: boolean;
  citation: number;
}

export interface Answer {
  status: "answered" | "not_found";
  /**
   * How likely the answer is right (0–1), calibrated on held-out questions: among answers given with
   * confidence ≥ c, at least a share c were right. Below the refusal threshold the status is not_found.
   */
  confidence: number;
  /** Plain text, ready to show: lead line, quote, source, older figures. */
  answer: string;
  lang: "vi" | "en";
  /** The lead figure first, then older values of the same metric, newest first. */
  figures: AnswerFigure[];
  deadlines: AnswerDeadline[];
  citations: Citation[];
}

export interface AskRequest {
  question: string;
  lang?: "vi" | "en" | undefined;
  /** Answer as of this date (`YYYY-MM-DD`) instead of the newest figure. */
  asOf?: string | undefined;
}

/** Phrases an extractive answer in other words; its output must pass the grounding check. */
export interface AnswerPhraser {
  phrase(answer: Answer, question: string): Promise<string>;
}

export interface AnswerDeps {
  index: LoadedIndex;
  embedder?: Embedder;
  /** Today as YYYY-MM-DD (Vietnam time), for past-due deadlines. */
  today: () => string;
  phraser?: AnswerPhraser;
}
