/**
 * The data model shared by ingest (which writes it), index (which searches it) and bot (which answers with it).
 *
 * Offsets (`start`, `end`) are always UTF-16 offsets into the document's cleaned text, so a citation can be
 * highlighted in the document view and re-checked against the source.
 */

/** A partial ISO date: "2025", "2025-01" or "2025-01-15". Partial dates sort correctly as strings. */
export type IsoDate = string;

export type DocumentKind = "report" | "conclusion" | "slides" | "plan" | "other";

export interface DocumentMeta {
  /** Stable id derived from the file name, e.g. `bao-cao-290-bc-tcttkda-2025-01`. */
  id: string;
  /** File name inside the corpus folder. */
  file: string;
  /** Original file name when the document was imported from elsewhere (the seed name). */
  source?: string;
  title: string;
  /** Document number as printed, e.g. `290/BC-TCTTKĐA`. */
  number?: string;
  issuer?: string;
  /** Issue date. */
  date?: IsoDate;
  dateEstimated: boolean;
  /** The date the document's figures describe. */
  asOf: IsoDate;
  asOfEstimated: boolean;
  kind: DocumentKind;
  /** Short name used inside answers, e.g. `Báo cáo 290/BC-TCTTKĐA`. */
  label: string;
  /** Phrases people use to point at this document in a question ("báo cáo tháng 1/2025", "slide VKSNDTC"). */
  aliases: string[];
  /** Number of pages or slides when known. */
  pages?: number;
}

export interface Section {
  /** Headings from the top of the tree down, e.g. ["II. Kết quả", "4. Về phát triển công dân số", "4.1"]. */
  path: string[];
  start: number;
  end: number;
}

export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

export interface Footnote {
  marker: string;
  text: string;
  /** Where the footnote's own text sits in the cleaned text. */
  start: number;
  end: number;
  /** Where the marker that references it sits in the cleaned text, when found. */
  referenceAt?: number;
}

/** A document after cleaning: the text every offset points into. */
export interface CleanDocument {
  meta: DocumentMeta;
  text: string;
  sections: Section[];
  pages: PageSpan[];
  footnotes: Footnote[];
}

export interface Chunk {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Exactly `cleanText.slice(start, end)`. */
  text: string;
  sectionPath: string[];
  page?: number;
  start: number;
  end: number;
  asOf: IsoDate;
  /** Hash of the text and its section path; the embedding cache key. */
  hash: string;
}

export type FigureKind = "count" | "percent" | "ratio" | "money" | "other";

export interface Figure {
  id: string;
  docId: string;
  chunkId: string;
  /** The figure as printed, qualifier included: `trên 87,9 triệu`, `73,03%`, `4.427/6.283`. */
  text: string;
  /** Normalized value of the (first) number: 87900000 for `87,9 triệu`. */
  value: number;
  /** Every normalized number in the figure: [4427, 6283] for `4.427/6.283`. */
  values: number[];
  kind: FigureKind;
  qualifier?: string;
  /**
   * Unit or counted noun printed after the number, with a rate's per: `thẻ`, `tài khoản VNeID`, `%`,
   * `đồng`, `đồng/giao dịch`, `lượt truy cập/ngày`.
   */
  unit?: string;
  /** What the figure counts, built from its clause: `tài khoản VNeID được phê duyệt`, `tỷ lệ hồ sơ trực tuyến của bộ, ngành`. */
  measure: string;
  /** Key of the series the figure belongs to: the same measure, unit and kind in any report (see `index/series.ts`). */
  series: string;
  /** What a rate is counted per: `giao dịch`, `ngày`, `năm`. */
  per?: string;
  /** A goal rather than a result (`chỉ tiêu`, `phấn đấu`, `phải đạt`, a deadline): answers prefer results. */
  target: boolean;
  /** A change rather than a level (`tăng hơn 300 nghìn hồ sơ so với tháng 12/2024`). */
  change: boolean;
  /** Expected rather than achieved (`dự kiến`, `sẽ`). */
  projected: boolean;
  /** A value from before, printed for comparison (`trước đây 4 bước`, `so với 68,9% năm 2022`). */
  earlier: boolean;
  /** The exact sentence the figure stands in. */
  sentence: string;
  sentenceStart: number;
  start: number;
  end: number;
  asOf: IsoDate;
  sectionPath: string[];
  page?: number;
}

export type DuePrecision = "day" | "month" | "quarter" | "half" | "year";

export interface Deadline {
  id: string;
  docId: string;
  chunkId: string;
  /** What must be done, as printed (one clause). */
  task: string;
  /**
   * Who must do it, when the text names them: one known body by its canonical name (`Bộ Công an`), else
   * the phrase as printed: several bodies (`Bộ Công an, Văn phòng Chính phủ`), a named list (`UBND 04 địa
   * phương (Quảng Trị, Quảng Ngãi, Quảng Nam, Kiên Giang)`) or a group (`Các bộ, ngành, địa phương`).
   */
  body?: string;
  /** The due date as printed: `Quý I năm 2024`, `trước ngày 01/7/2025`, `vào kỳ họp thứ 9 (tháng 5/2025)`. */
  dueText: string;
  /** The due date normalized to a day (the last day of the period). */
  dueDate: string;
  precision: DuePrecision;
  /** Where the due date stands: the task's sentence, or the title heading whose limit the task takes. */
  sentence: string;
  sentenceStart: number;
  start: number;
  end: number;
  /** Date of the document that set the deadline (its issue date, else its as-of date). */
  setOn: IsoDate;
  /** True when a report calls this task late (`chậm tiến độ`), in the same sentence or a later document. */
  late: boolean;
  /** Where a report calls it late. */
  lateNotes: { docId: string; sentence: string }[];
  sectionPath: string[];
  page?: number;
}
