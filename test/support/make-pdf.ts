import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";

/**
 * Builds a text PDF for tests: one array of lines per page, drawn top to bottom in DejaVu Sans.
 * The standard 14 fonts only cover WinAnsi, so Vietnamese (`định danh điện tử`) needs an embedded
 * Unicode font; subsetting keeps the file a few KB.
 */
export const DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 72;
const FONT_SIZE = 12;
const LINE_HEIGHT = 18;
// Fixed metadata so regenerating a fixture from the same lines gives the same bytes.
const EPOCH = new Date("2025-01-01T00:00:00Z");

export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setCreationDate(EPOCH);
  document.setModificationDate(EPOCH);
  document.setProducer("figures-desk test/support/make-pdf");
  document.setCreator("figures-desk test/support/make-pdf");
  // customName replaces pdf-lib's random subset suffix (deterministic output); ligatures off so `fi` stays
  // two glyphs and extracts as two letters.
  const font = await document.embedFont(readFileSync(DEJAVU_SANS), {
    subset: true,
    customName: "DejaVuSans",
    features: { liga: false },
  });
  const maxLines = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LINE_HEIGHT);
  for (const [index, lines] of pages.entries()) {
    if (lines.length > maxLines) {
      throw new Error(
        `makePdf: page ${index + 1} has ${lines.length} lines; at most ${maxLines} fit on a page`,
      );
    }
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    lines.forEach((line, lineIndex) => {
      page.drawText(line, {
        x: MARGIN,
        y: PAGE_HEIGHT - MARGIN - FONT_SIZE - lineIndex * LINE_HEIGHT,
        size: FONT_SIZE,
        font,
      });
    });
  }
  return document.save();
}

/** The text of the committed fixture `test/fixtures/bao-cao-mau.pdf`, one list of lines per page. */
export const BAO_CAO_MAU: string[][] = [
  [
    "BỘ CÔNG AN",
    "Số: 12/BC-BCA",
    "Hà Nội, ngày 15 tháng 3 năm 2025",
    "BÁO CÁO",
    "Kết quả triển khai Đề án 06",
    "I. KẾT QUẢ",
    "1. Cấp căn cước",
    "Đã cấp 88,5 triệu thẻ căn cước công dân gắn chip.",
  ],
  [
    "2. Định danh điện tử",
    "Đã kích hoạt 61,2 triệu tài khoản định danh điện tử.",
    "II. NHIỆM VỤ",
    "Bộ Y tế hoàn thành kết nối trước ngày 30/6/2025.",
  ],
];
