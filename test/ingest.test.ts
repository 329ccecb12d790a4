import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../core/logger";
import { readIndex } from "../index/read";
import { cleanText } from "../ingest/clean";
import { findFiguresInSentence } from "../ingest/figures";
import { detectIssueDate, detectNumber } from "../ingest/metadata";
import { runIngest } from "../ingest/pipeline";
import { testIndex } from "./support/desk";

const documentById = (id: string) => {
  const found = testIndex().documents.find((document) => document.meta.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
};

describe("cleaning the real reports", () => {
  it("separates footnote markers glued to words and numbers, and keeps their text", () => {
    const review = documentById("bao-cao-tong-ket-de-an-06-2025");
    expect(review.text).not.toContain("Đề án 061");
    expect(review.text).toContain("Đề án 06¹");
    expect(review.text).toContain("Chỉ thị⁴");
    const thirtyThree = review.footnotes.find((footnote) => footnote.marker === "33");
    expect(thirtyThree?.text.startsWith("86% người hưởng lương hưu")).toBe(true);
    expect(review.footnotes).toHaveLength(33);
  });

  it("moves a footnote cut at a page's foot back from the foot of a later page, out of the sentence it split", () => {
    const review = documentById("bao-cao-tong-ket-de-an-06-2025");
    // The 2025 targets' sentence runs across the page break; footnote 20's end had sat in the middle of it.
    expect(review.text).toContain(
      "90% người dân, doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính",
    );
    expect(review.text).toContain("xoá bỏ mọi tư tưởng, quan niệm, rào cản");
    const footnote = (marker: string) => review.footnotes.find((note) => note.marker === marker)?.text ?? "";
    expect(footnote("4")).toContain("lập kế hoạch đầu tư công trung hạn giai đoạn 2026 – 2030.");
    expect(footnote("20")).toMatch(/5 triệu đồng\/tháng$/);
  });

  it("handles a footnote marker between a word and a ratio", () => {
    expect(documentById("ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21").text).toContain(
      "dịch vụ công trực tuyến²; 33/63 địa phương",
    );
    const cleaned = cleanText(
      "Đề án 06 về dân cư; Đề án 06 mở rộng; Đề án 06 hoàn thành. Triển khai Đề án 061 trên toàn quốc.\nMiễn lệ phí dịch vụ công trực tuyến2; 33/63 địa phương hoàn thành.\n\n1 Đề án về dân cư.\n2 Gồm các dịch vụ thiết yếu.",
    );
    expect(cleaned.text).toContain("Đề án 06¹ trên toàn quốc");
    expect(cleaned.text).toContain("trực tuyến²; 33/63 địa phương");
    expect(cleaned.footnotes.map((footnote) => [footnote.marker, footnote.text])).toEqual([
      ["1", "Đề án về dân cư."],
      ["2", "Gồm các dịch vụ thiết yếu."],
    ]);
  });

  it("keeps a paragraph whole when a sentence ends at the end of a full line or figures follow a colon or a semicolon", () => {
    // The exam figures read on from the sentence naming the service they count; the shares of the
    // budget from the sentence naming what they are shares of.
    const review = documentById("bao-cao-tong-ket-de-an-06-2025").text;
    expect(review).toContain(
      "Đã tổ chức dưới hình thức đăng ký trực tuyến. Trong 04 năm triển khai, đã có tổng số 4.255.702 thí sinh",
    );
    expect(review).toContain("đạt tỷ lệ gần tuyệt đối: 99,84% thu, 99,64% chi");
    // The last item of a list of associations' members stays in the list's sentence.
    expect(review).toContain("Hội người có công; 41,96 triệu dữ liệu hội viên Hội người lao động.");
    // On a slide, the voltage on the line below names the service it qualifies.
    expect(documentById("slides-ke-hoach-51-kh-ubnd-2022").text).toContain(
      "Cấp điện mới từ lưới điện hạ áp (220/380V)",
    );
    const full = "Các bộ, ngành đã hoàn thành kết nối dữ liệu với Cơ sở dữ liệu quốc gia về dân cư.";
    const short = "Câu cuối của đoạn thì ngắn.";
    const paragraphs = cleanText([full, full, short, full, short].join("\n")).text.split("\n");
    expect(paragraphs).toEqual([`${full} ${full} ${short}`, `${full} ${short}`]);
  });

  it("normalizes Unicode and strips emphasis marks", () => {
    for (const document of testIndex().documents) {
      expect(document.text).toBe(document.text.normalize("NFC"));
      expect(document.text).not.toContain("**");
    }
  });

  it("knows every chunk's section path, offsets and as-of date", () => {
    const { chunks, documents } = testIndex();
    const texts = new Map(documents.map((document) => [document.meta.id, document.text]));
    for (const chunk of chunks)
      expect(texts.get(chunk.docId)?.slice(chunk.start, chunk.end)).toBe(chunk.text);
    const cards = chunks.find((chunk) => chunk.text.includes("87,9 triệu"));
    expect(cards?.sectionPath.join(" › ")).toBe(
      "II. KẾT QUẢ CÁC MẶT CÔNG TÁC VÀ TIỆN ÍCH ĐẠT ĐƯỢC › 4. Về phát triển công dân số › 4.1.",
    );
    expect(cards?.asOf).toBe("2025-01");
    expect(chunks.find((chunk) => chunk.docId === "vksndtc-slides-de-an-06-2025")?.page).toBeGreaterThan(0);
  });
});

describe("metadata", () => {
  it("detects the number and the issue date as printed", () => {
    expect(detectNumber("Số: 290 /BC-TCTTKĐA")).toBe("290/BC-TCTTKĐA");
    expect(detectIssueDate("Hà Nội, ngày 04 tháng 02 năm 2025")).toBe("2025-02-04");
    expect(documentById("bao-cao-290-bc-tcttkda-2025-02-04").meta).toMatchObject({
      number: "290/BC-TCTTKĐA",
      date: "2025-02-04",
      dateEstimated: false,
    });
  });

  it("estimates the date of an undated document from the latest date it mentions", () => {
    expect(documentById("vksndtc-slides-de-an-06-2025").meta).toMatchObject({
      dateEstimated: true,
      kind: "slides",
    });
  });
});

describe("figures and deadlines", () => {
  it("reads Vietnamese numbers with their scale, qualifier and unit", () => {
    const [figure] = findFiguresInSentence(
      "Bộ Công an đã cấp trên 87,9 triệu thẻ căn cước công dân gắn chip.",
    );
    expect(figure).toMatchObject({ text: "trên 87,9 triệu", value: 87_900_000, kind: "count" });
    const [ratio] = findFiguresInSentence("cung cấp 4.427/6.283 dịch vụ công trực tuyến");
    expect(ratio).toMatchObject({ text: "4.427/6.283", values: [4427, 6283], kind: "ratio" });
  });

  it("does not mistake names, years and document numbers for figures", () => {
    const texts = findFiguresInSentence(
      "Theo Nghị quyết số 57-NQ/TW ngày 22/12/2024, Đề án 06 năm 2025 đạt 73,03%.",
    ).map((figure) => figure.text);
    expect(texts).toEqual(["73,03%"]);
  });

  it("finds the deadlines the conclusion set, normalized to a day", () => {
    const deadline = testIndex().deadlines.find(
      (candidate) =>
        candidate.task.includes("Phiếu lý lịch tư pháp") && candidate.docId.startsWith("ket-luan"),
    );
    expect(deadline).toMatchObject({
      dueText: "trong Quý I năm 2024",
      dueDate: "2024-03-31",
      precision: "quarter",
      body: "Bộ Tư pháp",
    });
  });
});

describe("a report a user drops in", () => {
  it("is ingested from Markdown with detected metadata", async () => {
    const corpusDir = mkdtempSync(join(tmpdir(), "corpus-"));
    writeFileSync(
      join(corpusDir, "bao-cao-moi.md"),
      "# BỘ CÔNG AN\n\nSố: 12/BC-BCA\n\nHà Nội, ngày 15 tháng 3 năm 2025\n\n**BÁO CÁO**\n\nKết quả triển khai Đề án 06 quý I\n\n## I. KẾT QUẢ\n\n1. Đã kích hoạt **61,2 triệu** tài khoản định danh điện tử.\n\n2. Bộ Y tế hoàn thành kết nối trước ngày 30/6/2025.\n",
    );
    const indexDir = join(corpusDir, "..", `${corpusDir.split("/").pop()}-index`);
    const report = await runIngest({ corpusDir, indexDir, logger: silentLogger });
    expect(report.skipped).toEqual([]);
    const index = readIndex(indexDir);
    expect(index.documents[0]?.meta).toMatchObject({
      number: "12/BC-BCA",
      date: "2025-03-15",
      dateEstimated: false,
    });
    expect(index.figures.map((figure) => figure.text)).toContain("61,2 triệu");
    expect(index.deadlines[0]).toMatchObject({ dueDate: "2025-06-30", body: "Bộ Y tế" });
  });
});

describe("figures in the real reports", () => {
  const figure = (text: string) => testIndex().figures.find((candidate) => candidate.text === text);

  it("extracts large counts and money with their value, as-of date and section", () => {
    expect(figure("1.900.482.958")).toMatchObject({
      value: 1_900_482_958,
      asOf: "2025-01",
      docId: "bao-cao-290-bc-tcttkda-2025-02-04",
      sectionPath: ["II. KẾT QUẢ CÁC MẶT CÔNG TÁC VÀ TIỆN ÍCH ĐẠT ĐƯỢC", "5.", "5.1. Bộ Công an"],
    });
    expect(figure("116 nghìn tỷ đồng")).toMatchObject({
      value: 116_000_000_000_000,
      kind: "money",
      asOf: "2025-01",
    });
    expect(figure("73,03%")).toMatchObject({ value: 73.03, kind: "percent" });
    expect(figure("4.427/6.283")).toMatchObject({
      values: [4427, 6283],
      docId: "vksndtc-slides-de-an-06-2025",
    });
  });

  it("never takes a footnote marker, a page number or a document number for a figure", () => {
    const { figures, documents } = testIndex();
    const texts = new Map(documents.map((document) => [document.meta.id, document.text]));
    for (const found of figures) {
      const text = texts.get(found.docId) ?? "";
      // A document number continues with a slash and letters: `290/BC-TCTTKĐA`, `175/NQ-CP`.
      expect(text.slice(found.end, found.end + 3)).not.toMatch(/^\/\p{Lu}/u);
      expect(found.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
      // A lone number on its own line is a page or slide number, removed by cleaning.
      const lineEnd = text.indexOf("\n", found.end);
      const line = text.slice(
        text.lastIndexOf("\n", found.start) + 1,
        lineEnd === -1 ? text.length : lineEnd,
      );
      expect(line.trim()).not.toBe(found.text);
    }
  });

  it("keeps the body and due day of a deadline set 'before' a date", () => {
    const deadline = testIndex().deadlines.find((candidate) => candidate.dueText === "trước ngày 01/7/2025");
    expect(deadline).toMatchObject({ dueDate: "2025-07-01", body: "Bộ Công an", precision: "day" });
  });
});

describe("the stored index", () => {
  it("restores every chunk text and quoted sentence exactly from the document text", async () => {
    const { chunks, figures, deadlines, documents } = testIndex();
    const texts = new Map(documents.map((document) => [document.meta.id, document.text]));
    for (const chunk of chunks)
      expect(chunk.text).toBe(texts.get(chunk.docId)?.slice(chunk.start, chunk.end));
    for (const item of [...figures, ...deadlines]) {
      expect(item.sentence.length).toBeGreaterThan(0);
      expect(texts.get(item.docId)?.slice(item.start, item.end)).toBe(
        item.sentence.slice(item.start - item.sentenceStart, item.end - item.sentenceStart),
      );
    }
  });
});
