import { describe, expect, it } from "vitest";
import type { Figure } from "../core/types";
import { normalizedWords, seriesOf } from "../index/series";
import { capWords } from "../ingest/cap-words";
import { findFiguresInSentence } from "../ingest/figures";
import { testIndex } from "./support/desk";

/**
 * Figures on the real reports: what each counts (its measure), the flags read from its clause (change,
 * target, projected, earlier), the numbers that are not figures, and the series that join one measure
 * across reports. Sentences that are in no report check that the rules are mechanisms, not cases.
 */
const CONCLUSION = "ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21";
const REPORT_290 = "bao-cao-290-bc-tcttkda-2025-02-04";
const REVIEW = "bao-cao-tong-ket-de-an-06-2025";
const SLIDES = "vksndtc-slides-de-an-06-2025";

/** The figure of a report printed as `text`, optionally right after the words `before` in its sentence. */
function figureOf(docId: string, text: string, before?: string): Figure {
  const found = testIndex().figures.find(
    (figure) =>
      figure.docId === docId &&
      figure.text === text &&
      (before === undefined ||
        figure.sentence.slice(0, figure.start - figure.sentenceStart).endsWith(before)),
  );
  if (!found) throw new Error(`no figure ${text} after "${before ?? ""}" in ${docId}`);
  return found;
}

const NO_CONTEXT = { documentAsOf: "2025-11", sectionPath: [] };
/** The figures of a sentence no report prints, with their measure as text. */
const inSentence = (sentence: string) =>
  findFiguresInSentence(sentence, NO_CONTEXT).map((figure) => ({ ...figure, measure: figure.measure.text }));

describe("what a figure counts", () => {
  it("names the action: issued, activated and approved VNeID accounts are three measures", () => {
    expect(figureOf(CONCLUSION, "trên 70 triệu").measure).toBe("tài khoản định danh điện tử được cấp");
    expect(figureOf(REPORT_290, "trên 60 triệu").measure).toBe("tài khoản được kích hoạt");
    expect(figureOf(REVIEW, "67 triệu").measure).toBe("tài khoản VNeID được phê duyệt");
  });

  it("says what a percentage is a share of and whose it is", () => {
    expect(figureOf(CONCLUSION, "30,24%").measure).toBe("tỷ lệ hồ sơ trực tuyến của bộ, ngành");
    expect(figureOf(CONCLUSION, "35,75%").measure).toBe("tỷ lệ hồ sơ trực tuyến của địa phương");
    // `2.407.040 triệu hồ sơ của 36 bộ, ngành và 63 địa phương (đạt tỷ lệ 100%)`: the share of the records.
    expect(figureOf(REPORT_290, "100%", "đạt tỷ lệ ").measure).toBe("tỷ lệ hồ sơ được kết nối đồng bộ");
    // `giảm 59% số vụ lừa đảo`: a percentage change names the change and what brought it.
    expect(figureOf(REVIEW, "59%").measure).toBe("tỷ lệ giảm số vụ lừa đảo nhờ đối soát sinh trắc học");
  });

  it("gives every percentage and every amount of money a measure beyond its unit", () => {
    const shares = testIndex().figures.filter(
      (figure) => figure.kind === "percent" || figure.kind === "money",
    );
    expect(shares.length).toBeGreaterThan(100);
    for (const figure of shares) {
      const words = figure.measure
        .replace(/^(?:tỷ lệ|số tiền)\s*/u, "")
        .split(/\s+/)
        .filter(Boolean);
      expect(words.length, `${figure.id} ${figure.text}: ${figure.measure}`).toBeGreaterThanOrEqual(1);
      expect(figure.measure).not.toMatch(/^(?:%|đồng|tỷ đồng)$/u);
    }
  });

  it("keeps whose a footnote's breakdown is", () => {
    expect(figureOf(REPORT_290, "02", "Bộ Y tế (").measure).toBe("TTHC chậm tiến độ của Bộ Y tế");
    expect(figureOf(REVIEW, "02", "Bộ Y tế ").measure).toMatch(/^CSDL .* của Bộ Y tế$/u);
  });

  it("names the receiver of a fee, the parts of a named whole and the documents after 'theo'", () => {
    expect(figureOf(REVIEW, "5 triệu đồng/tháng").measure).toBe(
      "mức hỗ trợ cho người làm công tác chuyên trách về chuyển đổi số",
    );
    expect(figureOf(REVIEW, "20", "những năm tiếp theo với ").measure).toBe(
      "nhiệm vụ chung của Chỉ thị số 04/CT-TTg ngày 11/02/2024",
    );
    expect(figureOf(CONCLUSION, "19", "theo ").measure).toBe(
      "nghị quyết của Chính phủ về đơn giản hóa thủ tục hành chính",
    );
  });

  it("reads the same way in a sentence no report prints", () => {
    const [issued, more] = inSentence(
      "Bộ Tư pháp đã cấp 120 nghìn phiếu lý lịch tư pháp (tăng 20 nghìn phiếu so với tháng 12/2024).",
    );
    expect(issued).toMatchObject({ measure: "phiếu lý lịch tư pháp được cấp", change: false });
    expect(more).toMatchObject({ measure: "phiếu lý lịch tư pháp được cấp", change: true });
    const [places] = inSentence("Mô hình “5 không” được triển khai tại 20 địa phương.");
    expect(places?.measure).toBe("địa phương triển khai Mô hình “5 không”");
    const [before, after] = inSentence("Thời gian giải quyết thủ tục giảm từ 15 ngày xuống còn 3 ngày.");
    expect([before?.measure, after?.measure]).toEqual([
      "thời gian giải quyết thủ tục",
      "thời gian giải quyết thủ tục",
    ]);
  });

  it("cuts a long phrase where it breaks, never in half a name", () => {
    // At its own comma a few words on, before its last preposition, before a name it would halve.
    expect(
      capWords("hồ sơ được số hóa trong cơ sở dữ liệu của Bộ Nội vụ, Chính phủ và cơ quan quản lý", 10),
    ).toBe("hồ sơ được số hóa trong cơ sở dữ liệu của Bộ Nội vụ");
    expect(
      capWords("số tiền làm căn cứ tặng quà cho toàn dân nhân dịp kỷ niệm 80 năm Cách mạng Tháng Tám", 10),
    ).toBe("số tiền làm căn cứ tặng quà");
    expect(
      capWords("kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư để phục vụ người dân", 10),
    ).toBe("kết nối, chia sẻ dữ liệu");
  });
});

describe("what kind of value a figure is", () => {
  it("marks every '(tăng … so với …)' in Report 290 as a change, and the level beside it not", () => {
    const inChangeAside = testIndex().figures.filter((figure) => {
      if (figure.docId !== REPORT_290) return false;
      const before = figure.sentence.slice(0, figure.start - figure.sentenceStart);
      const open = before.lastIndexOf("(");
      return (
        open > before.lastIndexOf(")") &&
        /^\((?:tăng|giảm)\s*$/u.test(before.slice(open).split(/\d/u)[0] ?? "")
      );
    });
    const texts = inChangeAside.map((figure) => figure.text);
    expect(texts).toHaveLength(11);
    expect(texts).toEqual(expect.arrayContaining(["hơn 300 nghìn", "khoảng 200 nghìn", "hơn 50 triệu"]));
    for (const figure of inChangeAside) expect(figure.change, figure.text).toBe(true);
    expect(figureOf(REPORT_290, "73,03%").change).toBe(false);
    expect(figureOf(REPORT_290, "trên 60 triệu").change).toBe(false);
  });

  it("marks projections", () => {
    expect(figureOf(REVIEW, "khoảng 37 tỷ đồng/năm").projected).toBe(true);
    expect(figureOf(REPORT_290, "6.496").projected).toBe(true);
    expect(figureOf(REVIEW, "67 triệu").projected).toBe(false);
    expect(inSentence("Dự kiến đến hết năm 2025 sẽ cấp thêm 5 triệu thẻ căn cước.")[0]?.projected).toBe(true);
  });

  it("marks a goal with its deadline or a modal as a target, not a result", () => {
    expect(figureOf(REPORT_290, "100%", "đảm bảo các doanh nghiệp được thực hiện ").target).toBe(true);
    expect(figureOf(REVIEW, "80%", "phải đạt ").target).toBe(true);
    expect(figureOf(REVIEW, "67 triệu").target).toBe(false);
    const [goal] = inSentence("Phấn đấu 100% hồ sơ được số hóa trước ngày 31/12/2025.");
    expect(goal).toMatchObject({ measure: "tỷ lệ hồ sơ được số hóa", target: true });
  });

  it("marks the value before a change as earlier and the value now as not", () => {
    expect(figureOf(REVIEW, "21", "thủ tục hành chính từ ").earlier).toBe(true);
    expect(figureOf(REVIEW, "04", "21 ngày làm việc xuống còn ").earlier).toBe(false);
    expect(figureOf(REVIEW, "4", "giảm quy trình ").earlier).toBe(true);
    expect(figureOf(REVIEW, "2", "rút gọn xuống còn ").earlier).toBe(false);
    const [then, now] = inSentence("Trước đây người dân phải thực hiện 5 bước, nay chỉ còn 2 bước.");
    expect([then?.earlier, now?.earlier]).toEqual([true, false]);
    expect(now?.measure).toBe(then?.measure);
  });
});

describe("what is and is not a figure", () => {
  const textsIn = (near: string) =>
    testIndex()
      .figures.filter((figure) => figure.sentence.includes(near))
      .map((figure) => figure.text);

  it("reads a number split by a line break as one figure", () => {
    const converted = figureOf(SLIDES, "6 nghìn 200 tỷ VNĐ");
    expect(converted).toMatchObject({ value: 6_200_000_000_000, kind: "money", per: "năm" });
    expect(textsIn("6 nghìn 200 tỷ VNĐ")).not.toContain("200 tỷ VNĐ");
    expect(inSentence("Tổng kinh phí thực hiện là 3 nghìn\n500 tỷ đồng.")[0]).toMatchObject({
      value: 3_500_000_000_000,
      measure: "kinh phí thực hiện",
    });
  });

  it("keeps a rate's per", () => {
    expect(figureOf(REVIEW, "10.000 đồng/giao dịch")).toMatchObject({
      unit: "đồng/giao dịch",
      per: "giao dịch",
    });
    expect(figureOf(REPORT_290, "1,5 triệu")).toMatchObject({ unit: "lượt truy cập/ngày", per: "ngày" });
    expect(figureOf(REVIEW, "1,5 triệu")).toMatchObject({ per: "ngày" });
    expect(inSentence("Người dân tiết kiệm trung bình 2.000 đồng/giao dịch.")[0]?.per).toBe("giao dịch");
  });

  it("reads a range as one figure with both ends, and a span of years or a code as none", () => {
    expect(figureOf(REVIEW, "khoảng 15-30")).toMatchObject({ values: [15, 30], unit: "phút" });
    expect(figureOf(REVIEW, "41.000–170.000 đồng/hồ sơ")).toMatchObject({
      values: [41_000, 170_000],
      kind: "money",
      per: "hồ sơ",
    });
    expect(figureOf(REVIEW, "50-70%")).toMatchObject({ values: [50, 70], kind: "percent" });
    expect(
      inSentence("Kế hoạch đầu tư công trung hạn giai đoạn 2026 – 2030 theo Nghị quyết 57-NQ/TW."),
    ).toEqual([]);
    // Pages are places in a document, not amounts.
    expect(inSentence("Nội dung chi tiết tại trang 15-20 của phụ lục.")).toEqual([]);
    // Against a total it is no range read here: "9–10/12 tiêu chí".
    expect(inSentence("Việt Nam đáp ứng 9–10/12 tiêu chí.")).toEqual([]);
  });

  it("takes no slogan, title, name or counting word for a figure", () => {
    expect(textsIn("“3 tăng – 3 giảm”")).not.toContain("3");
    expect(textsIn("mô hình “4 lớp”")).not.toContain("4");
    expect(textsIn("cùng 01 TTHC tại cùng 01 cấp")).not.toContain("01");
    const titled = testIndex().figures.filter(
      (figure) => figure.docId === CONCLUSION && figure.sentence.includes("02 NĂM"),
    );
    expect(titled).toEqual([]);
    expect(inSentence("Thực hiện phương châm “4 đúng – 2 không” trong cấp căn cước.")).toEqual([]);
    expect(inSentence("Cùng 01 thủ tục tại cùng 01 cấp chính quyền được áp dụng thống nhất.")).toEqual([]);
  });

  it("counts the items of a list, while a section number is none", () => {
    expect(figureOf(REPORT_290, "154", "danh mục ")).toMatchObject({
      value: 154,
      unit: "thủ tục hành chính",
    });
    expect(inSentence("Nội dung chi tiết tại mục 15 của phụ lục.")).toEqual([]);
  });

  it("reads a population as an amount, while 'số' before a number names a document", () => {
    expect(figureOf(REVIEW, "100 triệu", "mốc dân số ")).toMatchObject({ value: 100_000_000 });
    expect(inSentence("Thực hiện Quyết định số 06/QĐ-TTg của Thủ tướng.")).toEqual([]);
    expect(inSentence("Thực hiện Kế hoạch số 51 của tỉnh.")).toEqual([]);
  });
});

describe("series", () => {
  const seriesIndex = () => testIndex().series;

  it("keeps issued, activated and approved VNeID accounts apart", () => {
    const keys = [
      figureOf(CONCLUSION, "trên 70 triệu").series,
      figureOf(REPORT_290, "trên 60 triệu").series,
      figureOf(REVIEW, "67 triệu").series,
    ];
    expect(new Set(keys).size).toBe(3);
    // The wordings are one measure once synonyms are made one: only the action tells them apart.
    expect(normalizedWords("tài khoản VNeID")).toEqual(normalizedWords("tài khoản định danh điện tử"));
  });

  it("joins one measure printed in two reports into one series, newest first", () => {
    const key = figureOf(REPORT_290, "59,57%").series;
    expect(figureOf(CONCLUSION, "30,24%").series).toBe(key);
    const found = seriesOf(seriesIndex(), key);
    expect(found?.series.measure).toBe("tỷ lệ hồ sơ trực tuyến của bộ, ngành");
    expect(found?.points.map((point) => [point.text, point.docId])).toEqual([
      ["59,57%", REPORT_290],
      ["30,24%", CONCLUSION],
    ]);
    expect(figureOf(REPORT_290, "trên 87,9 triệu").series).toBe(figureOf(REVIEW, "hơn 87 triệu").series);
  });

  it("never joins a change, a goal or another body's breakdown to a result", () => {
    expect(figureOf(REPORT_290, "khoảng 200 nghìn").series).not.toBe(
      figureOf(REPORT_290, "trên 60 triệu").series,
    );
    const breakdown = figureOf(CONCLUSION, "01", "Y tế, Xây dựng - mỗi bộ còn ");
    const points = seriesOf(seriesIndex(), breakdown.series)?.points ?? [];
    expect(points.map((point) => point.docId)).toEqual([CONCLUSION]);
    for (const series of seriesIndex().series) {
      const frames = new Set(
        seriesOf(seriesIndex(), series.key)?.points.map((point) =>
          [point.kind, point.target, point.change, point.projected, point.earlier].join(),
        ),
      );
      expect(frames.size, series.key).toBe(1);
    }
  });

  it("stores every figure in exactly one series, with unique keys and one point per report and value", () => {
    const index = testIndex();
    const keys = index.series.series.map((series) => series.key);
    expect(new Set(keys).size).toBe(keys.length);
    const members = new Map(
      index.series.series.flatMap((series) => series.figureIds.map((id) => [id, series.key])),
    );
    for (const figure of index.figures) expect(members.get(figure.id), figure.id).toBe(figure.series);
    for (const key of keys) {
      const points = seriesOf(index.series, key)?.points ?? [];
      const asOfs = points.map((point) => point.asOf);
      expect(asOfs).toEqual([...asOfs].sort().reverse());
    }
  });
});
