import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makePdf } from "./make-pdf";

/**
 * Regenerates the committed PDF fixtures: `npx tsx test/support/make-fixtures.ts`.
 * Kept next to the helper so a fixture can be rebuilt when its text or the helper changes.
 */
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

const directory = join(import.meta.dirname, "..", "fixtures");
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, "bao-cao-mau.pdf"), await makePdf(BAO_CAO_MAU));
