import { existsSync } from "node:fs";
import { readEvalSet } from "./eval-set";

/** Questions for benchmarks: the graded set when it is beside the project, else a built-in mix. */
const BUILT_IN = [
  "co bao nhieu tai khoan vneid",
  "How many chip-based citizen ID cards had been issued by January 2025?",
  "tỷ lệ tài khoản định danh điện tử được kích hoạt so với tổng số hồ sơ thu nhận",
  "bao nhieu dich vu cong thiet yeu da duoc cung cap tren Cong dich vu cong quoc gia",
  "Bộ Tư pháp phải triển khai cấp Phiếu lý lịch tư pháp trên VNeID trong thời hạn nào?",
  "những việc phải hoàn thành trong Quý I/2024",
  "what must the Ministry of Health finish?",
  "Hội nghị 02 năm triển khai Đề án 06 diễn ra ngày nào?",
  "trung tam du lieu quoc gia chinh thuc duoc dua vao van hanh tu ngay nao",
  "phi kich hoat tai khoan dinh danh dien tu muc 2 la bao nhieu tien",
  "which tasks are overdue?",
  "bao nhiêu tổ công tác Đề án 06 cấp xã?",
];

export const DEFAULT_EVAL_SET = "../shared/eval/dev.jsonl";

export function benchQuestions(path = DEFAULT_EVAL_SET): string[] {
  return existsSync(path) ? readEvalSet(path).map((item) => item.question) : BUILT_IN;
}
