import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ListedDeadline, scoreRegister } from "../bench/register-score";

/** A small gold register in the shape of `shared/eval/deadlines.jsonl`, written to a temporary file. */
function goldFile(lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "register-gold-")), "deadlines.jsonl");
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join("\n"));
  return path;
}

const GOLD = goldFile([
  {
    id: "A-01",
    doc: "003_x.txt",
    quote: "Bộ Y tế triển khai Sổ sức khỏe điện tử trên toàn quốc trong tháng 3/2025",
    dueText: "trong tháng 3/2025",
    body: "Bộ Y tế",
    normalized: "2025-03-31",
    tier: "core",
  },
  {
    id: "A-02",
    doc: "003_x.txt",
    quote: "các đơn vị đồng bộ dữ liệu về Cơ sở dữ liệu tổng hợp quốc gia trong quý IV/2025",
    dueText: "trong quý IV/2025",
    body: "Bộ Công an, Bộ Y tế",
    normalized: "2025-12-31",
    tier: "core",
  },
  {
    id: "A-03",
    doc: "003_x.txt",
    quote: "triển khai thí điểm từ ngày 01/02/2025 tại các địa phương",
    dueText: "từ ngày 01/02/2025",
    body: null,
    normalized: "2025-02-01",
    tier: "borderline",
  },
]);

const listed = (overrides: Partial<ListedDeadline>): ListedDeadline => ({
  task: "",
  dueDate: "2025-03-31",
  quote: "",
  source: "003_x.txt",
  ...overrides,
});

describe("the register score", () => {
  it("matches by report, due month and shared wording, and checks bodies after folding diacritics", () => {
    const score = scoreRegister(
      [
        listed({ task: "Bo Y te trien khai So suc khoe dien tu tren toan quoc", body: "Bo Y te" }),
        listed({
          task: "đồng bộ dữ liệu về Cơ sở dữ liệu tổng hợp quốc gia",
          dueDate: "2025-12-31",
          body: "Bộ Công an",
        }),
        listed({ task: "triển khai thí điểm tại các địa phương", dueDate: "2025-02-01" }),
        listed({ task: "a sentence no gold deadline has", dueDate: "2025-05-31" }),
      ],
      GOLD,
    );
    expect(score.recall).toEqual({ right: 2, of: 2 });
    // The borderline deadline counts for precision, the unmatched one does not.
    expect(score.precision).toEqual({ right: 3, of: 4 });
    expect(score.bodies).toEqual({ right: 2, of: 2 });
    expect(score.misses).toEqual([
      { kind: "extra", doc: "003_x.txt", dueDate: "2025-05-31", task: "a sentence no gold deadline has" },
    ]);
  });

  it("misses a deadline listed from another report or with another due month, and a wrong body", () => {
    const score = scoreRegister(
      [
        listed({ task: "Bộ Y tế triển khai Sổ sức khỏe điện tử trên toàn quốc", source: "001_y.txt" }),
        listed({ task: "Bộ Y tế triển khai Sổ sức khỏe điện tử trên toàn quốc", dueDate: "2025-04-30" }),
        listed({
          task: "đồng bộ dữ liệu về Cơ sở dữ liệu tổng hợp quốc gia",
          dueDate: "2025-12-31",
          body: "Bộ Tài chính",
        }),
      ],
      GOLD,
    );
    expect(score.recall).toEqual({ right: 1, of: 2 });
    expect(score.bodies).toEqual({ right: 0, of: 1 });
    expect(score.misses.map((miss) => miss.kind)).toEqual(["missed", "extra", "extra", "body"]);
  });
});
